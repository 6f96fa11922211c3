import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);
// The compiler leaves a file watcher open; the work is done, so leave.
process.exit(0);
