/**
 * The one template of every mail: a kind describes its content as blocks (paragraphs,
 * facts, a quoted text, links), and this file writes them twice, as accessible HTML
 * (lang="fr", headings, a definition list, no layout tables) and as plain text. Every value
 * is escaped here, so a kind never writes HTML itself.
 */
import { escapeHtml } from '../core/text';

export interface Mail {
  subject: string;
  html: string;
  text: string;
}

export type Block =
  | { p: string }
  /** Label → value pairs: the facts (status, who, due date…). */
  | { facts: [string, string][] }
  /** A text someone wrote (a comment, a question), with who wrote it. */
  | { quote: string; by?: string }
  /** A link the reader may follow (a button-looking link in HTML, the URL in text). */
  | { link: { label: string; url: string } }
  /** A sub-heading (a digest's section). */
  | { h2: string };

export interface MailContent {
  subject: string;
  /** The page's heading: what happened, in one line. */
  heading: string;
  blocks: Block[];
  /** Why the reader gets this mail, and how to stop it. */
  footer: string;
}

/** Bounds a subject to what the outbox stores, on a word. */
function subjectLine(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= 300 ? one : `${one.slice(0, 297).replace(/\s+\S*$/, '')}…`;
}

const STYLE = `
  body { margin: 0; padding: 0; background: #f6f6f6; color: #1e1e1e; font-family: Marianne, Arial, sans-serif; font-size: 16px; line-height: 1.5; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem; background: #ffffff; }
  header p { margin: 0 0 1rem; color: #3a3a3a; font-weight: bold; letter-spacing: .02em; }
  h1 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 1rem; color: #000091; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; color: #000091; }
  dl { margin: 1rem 0; padding: .75rem 1rem; background: #f0f0f7; border-left: 4px solid #000091; }
  dt { font-weight: bold; }
  dd { margin: 0 0 .5rem; }
  blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #666666; background: #f6f6f6; white-space: pre-wrap; }
  blockquote footer { margin-top: .5rem; font-size: .9rem; color: #3a3a3a; white-space: normal; }
  a { color: #000091; }
  p.action a { display: inline-block; padding: .6rem 1.1rem; background: #000091; color: #ffffff; text-decoration: none; font-weight: bold; border-radius: 4px; }
  footer.notice { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid #dddddd; font-size: .875rem; color: #3a3a3a; }`;

/** French typography: a no-break space before ? ! : ; » and after «, so that they never start a line. */
export function frenchSpacing(s: string): string {
  return s.replace(/ ([?!:;»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

export function renderMail(content: MailContent): Mail {
  // our sentences get French spacing; what people wrote (quotes, facts) stays as written
  const c: MailContent = {
    ...content,
    heading: frenchSpacing(content.heading),
    footer: frenchSpacing(content.footer),
    blocks: content.blocks.map((b) => ('p' in b ? { p: frenchSpacing(b.p) } : 'link' in b ? { link: { ...b.link, label: frenchSpacing(b.link.label) } } : b)),
  };
  const html: string[] = [];
  const text: string[] = [c.heading, '='.repeat(Math.min(c.heading.length, 72)), ''];
  for (const b of c.blocks) {
    if ('p' in b) {
      html.push(`<p>${escapeHtml(b.p)}</p>`);
      text.push(b.p, '');
    } else if ('facts' in b) {
      html.push(`<dl>${b.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`);
      text.push(...b.facts.map(([k, v]) => `${k} : ${v}`), '');
    } else if ('quote' in b) {
      html.push(`<blockquote>${escapeHtml(b.quote)}${b.by ? `<footer>${escapeHtml(b.by)}</footer>` : ''}</blockquote>`);
      text.push(...b.quote.split('\n').map((l) => `> ${l}`), ...(b.by ? [`— ${b.by}`] : []), '');
    } else if ('link' in b) {
      html.push(`<p class="action"><a href="${escapeHtml(b.link.url)}">${escapeHtml(b.link.label)}</a></p>`);
      text.push(`${b.link.label} : ${b.link.url}`, '');
    } else {
      html.push(`<h2>${escapeHtml(b.h2)}</h2>`);
      text.push(b.h2, '-'.repeat(Math.min(b.h2.length, 72)), '');
    }
  }
  text.push('--', c.footer, '');
  const subject = subjectLine(c.subject);
  return {
    subject,
    text: text.join('\n'),
    html: `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><p>Support Chorus</p></header>
<h1>${escapeHtml(c.heading)}</h1>
${html.join('\n')}
<footer class="notice"><p>${escapeHtml(c.footer)}</p></footer>
</main>
</body>
</html>
`,
  };
}

/** A moment in French words, in a zone: « lundi 7 décembre 2026 à 21:05 (heure de Paris) ». */
export function frenchDateTime(at: Date, timeZone: string): string {
  const s = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
  return `${s}${timeZone === 'Europe/Paris' ? ' (heure de Paris)' : ` (heure locale, ${timeZone})`}`;
}
