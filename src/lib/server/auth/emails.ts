// Email texts for sign-in and password reset. Server-side mail bodies, kept beside the code
// that sends them in both languages (Paraglide's messages serve the pages).
type Mail = { subject: string; text: string };

export const authEmails: Record<'fr' | 'en', { magicLink(url: string): Mail; reset(name: string, url: string): Mail }> = {
	fr: {
		magicLink: (url) => ({
			subject: 'Votre lien de connexion à Échoppe',
			text: `Bonjour,\n\nPour vous connecter, ouvrez ce lien (valable 15 minutes) :\n${url}\n\nSi vous n'avez rien demandé, ignorez ce message.\n\nL'équipe Échoppe`
		}),
		reset: (name, url) => ({
			subject: 'Réinitialiser votre mot de passe Échoppe',
			text: `Bonjour ${name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure) :\n${url}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\nL'équipe Échoppe`
		})
	},
	en: {
		magicLink: (url) => ({
			subject: 'Your Échoppe sign-in link',
			text: `Hello,\n\nTo sign in, open this link (valid for 15 minutes):\n${url}\n\nIf you did not ask for it, ignore this message.\n\nThe Échoppe team`
		}),
		reset: (name, url) => ({
			subject: 'Reset your Échoppe password',
			text: `Hello ${name},\n\nTo choose a new password, open this link (valid for 1 hour):\n${url}\n\nIf you did not ask for it, ignore this message: your password stays the same.\n\nThe Échoppe team`
		})
	}
};
