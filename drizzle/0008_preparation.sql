-- Reserved: filled by the issue that owns it (see docs/architecture.md).
select 1;
