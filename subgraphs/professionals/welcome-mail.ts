/** The mails the subgraph sends about accounts (in French: they go to the region's users). */
import type { OutgoingMail } from '../../platform/mail/outbox.js';
import { PASSWORD_LINK_HOURS } from './password-links.js';

export function welcomeMail(recipient: string, login: string, link: string): OutgoingMail {
  return {
    recipient,
    subject: 'ROR : votre compte a été créé',
    body: [
      'Bonjour,',
      '',
      'Un compte vous a été ouvert sur le Répertoire Opérationnel des Ressources (ROR).',
      '',
      `Votre identifiant : ${login}`,
      '',
      `Pour choisir votre mot de passe, ouvrez ce lien (valable ${PASSWORD_LINK_HOURS} heures, utilisable une seule fois) :`,
      link,
      '',
      "Passé ce délai, demandez un nouveau lien au référent de votre établissement.",
      '',
      'Ceci est un message automatique, merci de ne pas y répondre.',
    ].join('\n'),
  };
}

export function passwordLinkMail(recipient: string, login: string, link: string): OutgoingMail {
  return {
    recipient,
    subject: 'ROR : lien de création de mot de passe',
    body: [
      'Bonjour,',
      '',
      `Voici un nouveau lien pour choisir le mot de passe de votre compte ROR (identifiant : ${login}).`,
      `Il est valable ${PASSWORD_LINK_HOURS} heures et utilisable une seule fois :`,
      link,
      '',
      'Ceci est un message automatique, merci de ne pas y répondre.',
    ].join('\n'),
  };
}
