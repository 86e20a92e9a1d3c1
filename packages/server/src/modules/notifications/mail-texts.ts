import type { NotificationKind } from '@eidor/domain';

// What a notification mail says. Mails leave the municipality's systems, so they name only the kind
// of thing that happened and link into the app: never a person's name, number or anything from a
// case (not even the notification's params). The name is shown in the app, to a reader who may see it.

export type MailLanguage = 'nb' | 'nn' | 'en';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['nb', 'nn', 'en'];

type Texts = {
  kinds: Record<NotificationKind, string>;
  subjectOne: (kind: string) => string;
  intro: string;
  open: string;
  digestSubject: (count: number, date: string) => string;
  digestIntro: (count: number) => string;
  footer: (prefsUrl: string) => string;
  other: string;
};

const nb: Texts = {
  kinds: {
    referral_new: 'Ny henvisning til enheten din',
    referral_answered: 'En henvisning er besvart',
    documentation_request: 'Forespørsel om dokumentasjon',
    deadline_coming: 'En frist nærmer seg',
    consent_withdrawn: 'Et samtykke er trukket tilbake',
    break_glass: 'Noen har brukt nødtilgang til en journal du koordinerer',
    group_member_added: 'Du er lagt til i en ansvarsgruppe',
    action_point: 'Nytt tiltakspunkt til deg',
  },
  subjectOne: (k) => `Eidør: ${k}`,
  intro: 'Du har fått et nytt varsel i Eidør.',
  open: 'Logg inn og åpne saken her:',
  digestSubject: (n, d) => `Eidør: ${n} ${n === 1 ? 'uleste varsel' : 'uleste varsler'} (${d})`,
  digestIntro: (n) => (n === 1 ? 'Du har 1 ulest varsel i Eidør:' : `Du har ${n} uleste varsler i Eidør:`),
  footer: (u) => `Du får denne e-posten fordi du har valgt det i varslingsinnstillingene dine: ${u}\nE-posten inneholder ingen personopplysninger; alt står i Eidør.`,
  other: 'Annet varsel',
};

const nn: Texts = {
  kinds: {
    referral_new: 'Ny tilvising til eininga di',
    referral_answered: 'Ei tilvising er svart på',
    documentation_request: 'Førespurnad om dokumentasjon',
    deadline_coming: 'Ein frist nærmar seg',
    consent_withdrawn: 'Eit samtykke er trekt tilbake',
    break_glass: 'Nokon har brukt naudtilgang til ein journal du koordinerer',
    group_member_added: 'Du er lagd til i ei ansvarsgruppe',
    action_point: 'Nytt tiltakspunkt til deg',
  },
  subjectOne: (k) => `Eidør: ${k}`,
  intro: 'Du har fått eit nytt varsel i Eidør.',
  open: 'Logg inn og opne saka her:',
  digestSubject: (n, d) => `Eidør: ${n} ${n === 1 ? 'ulese varsel' : 'ulesne varsel'} (${d})`,
  digestIntro: (n) => (n === 1 ? 'Du har 1 ulese varsel i Eidør:' : `Du har ${n} ulesne varsel i Eidør:`),
  footer: (u) => `Du får denne e-posten fordi du har valt det i varslingsinnstillingane dine: ${u}\nE-posten inneheld ingen personopplysningar; alt står i Eidør.`,
  other: 'Anna varsel',
};

const en: Texts = {
  kinds: {
    referral_new: 'New referral to your unit',
    referral_answered: 'A referral has been answered',
    documentation_request: 'Request for documentation',
    deadline_coming: 'A deadline is coming up',
    consent_withdrawn: 'A consent has been withdrawn',
    break_glass: 'Someone used emergency access to a record you coordinate',
    group_member_added: 'You were added to a responsibility group',
    action_point: 'New action point for you',
  },
  subjectOne: (k) => `Eidør: ${k}`,
  intro: 'You have a new notification in Eidør.',
  open: 'Sign in and open it here:',
  digestSubject: (n, d) => `Eidør: ${n} unread ${n === 1 ? 'notification' : 'notifications'} (${d})`,
  digestIntro: (n) => (n === 1 ? 'You have 1 unread notification in Eidør:' : `You have ${n} unread notifications in Eidør:`),
  footer: (u) => `You receive this e-mail because of your notification settings: ${u}\nThe e-mail holds no personal data; everything is in Eidør.`,
  other: 'Other notification',
};

const TEXTS: Record<MailLanguage, Texts> = { nb, nn, en };

const kindText = (t: Texts, kind: string) => (t.kinds as Record<string, string>)[kind] ?? t.other;

const PREFS_PATH = '/account/notifications';
/**
 * Every mail links to the inbox, never to the notification's own link: that link may name a person
 * (`/people/<id>`), and a mail carries no person id. The inbox opens the link after sign-in.
 */
const INBOX_PATH = '/notifications';

/** The mail sent at once for one notification: its kind in words and a link to the inbox, nothing more. */
export function immediateMail(lang: MailLanguage, publicUrl: string, kind: string): { subject: string; body: string } {
  const t = TEXTS[lang];
  const what = kindText(t, kind);
  return {
    subject: t.subjectOne(what),
    body: [t.intro, '', `${what}.`, '', t.open, `${publicUrl}${INBOX_PATH}`, '', '—', t.footer(`${publicUrl}${PREFS_PATH}`)].join('\n'),
  };
}

/** The daily digest: one line per notification (its kind), newest first, and a link to the inbox. */
export function digestMail(
  lang: MailLanguage,
  publicUrl: string,
  date: string,
  items: readonly { kind: string }[],
): { subject: string; body: string } {
  const t = TEXTS[lang];
  const lines = items.map((i) => `• ${kindText(t, i.kind)}`);
  return {
    subject: t.digestSubject(items.length, date),
    body: [t.digestIntro(items.length), '', ...lines, '', `${publicUrl}${INBOX_PATH}`, '', '—', t.footer(`${publicUrl}${PREFS_PATH}`)].join('\n'),
  };
}
