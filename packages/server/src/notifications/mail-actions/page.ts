/**
 * The small pages one-click links land on: in the reader's language (French by default),
 * accessible (lang set, one h1, labelled fields, a real <form> that POSTs), no script,
 * every value escaped.
 */
import { escapeHtml } from '../../core/text';
import { currentLocale } from '../../core/i18n';
import { PAGES as P } from '../notification.messages';

export interface Field {
  name: string;
  label: string;
  kind: 'textarea' | 'score';
  required?: boolean;
}

export interface Page {
  title: string;
  paragraphs: string[];
  facts?: [string, string][];
  /** A form that POSTs to `action` with its button, when there is something to confirm. */
  form?: { action: string; button: string; fields?: Field[] };
}

const STYLE = `
  body { margin: 0; background: #f6f6f6; color: #1e1e1e; font-family: Marianne, Arial, sans-serif; font-size: 16px; line-height: 1.5; }
  main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem; background: #ffffff; }
  h1 { font-size: 1.4rem; color: #000091; margin-top: 0; }
  dl { padding: .75rem 1rem; background: #f0f0f7; border-left: 4px solid #000091; }
  dt { font-weight: bold; } dd { margin: 0 0 .5rem; }
  label, legend { display: block; font-weight: bold; margin: 1rem 0 .25rem; }
  textarea { width: 100%; min-height: 6rem; font: inherit; }
  fieldset { border: 0; padding: 0; } fieldset label { display: inline; font-weight: normal; margin: 0 1rem 0 .25rem; }
  button { margin-top: 1rem; padding: .6rem 1.1rem; background: #000091; color: #ffffff; border: 0; border-radius: 4px; font: inherit; font-weight: bold; cursor: pointer; }
  button:focus, textarea:focus, input:focus { outline: 3px solid #0a76f6; outline-offset: 2px; }`;

function field(f: Field): string {
  const req = f.required ? ' required' : '';
  if (f.kind === 'textarea') return `<label for="${f.name}">${escapeHtml(f.label)}</label><textarea id="${f.name}" name="${f.name}" maxlength="2000"${req}></textarea>`;
  const choices = [1, 2, 3, 4, 5].map((n) => `<input type="radio" id="${f.name}-${n}" name="${f.name}" value="${n}"${req}><label for="${f.name}-${n}">${n}</label>`).join('');
  return `<fieldset><legend>${escapeHtml(f.label)}</legend>${choices}</fieldset>`;
}

export function renderPage(p: Page): string {
  const facts = p.facts?.length ? `<dl>${p.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>` : '';
  const form = p.form
    ? `<form method="post" action="${escapeHtml(p.form.action)}">${(p.form.fields ?? []).map(field).join('')}<button type="submit">${escapeHtml(p.form.button)}</button></form>`
    : '';
  return `<!DOCTYPE html>
<html lang="${currentLocale()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(p.title)} — ${escapeHtml(P['MAIL_ACTION.siteName']().render())}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(p.title)}</h1>
${p.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n')}
${facts}
${form}
</main>
</body>
</html>
`;
}
