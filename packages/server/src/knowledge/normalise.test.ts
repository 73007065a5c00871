import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { dialogProblems } from './dialog';
import { DialogNodeKind } from './knowledge.enums';
import { extractVariableParts, segmentsOf, toTemplate } from './normalise';

describe('normalising a pasted Chorus message', () => {
  it('a pasted message with its prefix and document number equals the stored message', () => {
    expect(toTemplate("erreur dans le système de gestion : Poste de pièce 1508892764/00003 n'a pas encore été reporté dans exercice en cours")).toBe(
      toTemplate("Poste de pièce n'a pas encore été reporté dans exercice en cours"),
    );
  });

  it('stored XXX placeholders and real codes give the same template', () => {
    expect(toTemplate("Ctre financier 0141-CDBU-DR69 n'existe pas ds périm. Fin BG00 et exercice 2022")).toBe(toTemplate("Ctre financier XXX n'existe pas ds périm. Fin XX et exercice XXX"));
    expect(toTemplate('aucune autorisation pour le centre financier: 0230-ACLY-SG13')).toBe(toTemplate('aucune autorisation pour le centre financier: XXXX-XXXX-XXXX'));
  });

  it('extracts document numbers, amounts, dates and financial codes', () => {
    const { parts } = extractVariableParts('Pièce 1508892764/00003 de 1 234,56 € du 05.09.2015 sur 0141-CDBU-DR69, périmètre BG00');
    expect(parts).toEqual([
      { kind: 'DATE', value: '05.09.2015' },
      { kind: 'AMOUNT', value: '1 234,56 €' },
      { kind: 'DOCUMENT_NUMBER', value: '1508892764/00003' },
      { kind: 'FINANCIAL_CODE', value: '0141-CDBU-DR69' },
      { kind: 'FINANCIAL_CODE', value: 'BG00' },
    ]);
  });

  it('ignores case, accents, punctuation, HTML and extra whitespace; keeps nothing of emoji or punctuation-only text', () => {
    expect(toTemplate('  CENTRE   financier <b>inexistant</b> !!! ')).toBe('centre financier inexistant');
    expect(toTemplate("Poste de pièce n'a pas encore été reporté")).toBe('poste piece encore reporte');
    expect(toTemplate('Centre financier inexistant')).toBe(toTemplate('centre financier inexistant'));
    expect(toTemplate('?!… 😀 🙂 ---')).toBe('');
  });

  it('splits a paste with extra lines into segments, the message on its own', () => {
    expect(segmentsOf("Bonjour,\nj'ai ce message :\nErreur dans le système de gestion : Centre financier inexistant\nMerci")).toContain('centre financier inexistant');
  });
});

describe('dialog validation', () => {
  const q = (id: string, next: string[]) => ({ id, kind: DialogNodeKind.QUESTION, texts: ['?'], listItems: [], buttons: next.map((n) => ({ label: n, next: n })), actions: [] });
  const a = (id: string) => ({ id, kind: DialogNodeKind.ANSWER, texts: ['!'], listItems: [], buttons: [], actions: [] });

  it('accepts a tree of questions ending in answers', () => {
    expect(dialogProblems({ start: 'q', nodes: [q('q', ['a1', 'a2']), a('a1'), a('a2')] })).toEqual([]);
  });

  it('refuses a dangling button, an unreachable node and a cycle', () => {
    expect(dialogProblems({ start: 'q', nodes: [q('q', ['nowhere'])] }).map((p) => p.message.render('en'))).toEqual([expect.stringMatching(/does not exist/)]);
    expect(dialogProblems({ start: 'q', nodes: [q('q', ['a']), a('a'), a('orphan')] }).map((p) => p.message.render('en'))).toEqual([expect.stringMatching(/orphan.*cannot be reached/)]);
    expect(dialogProblems({ start: 'q1', nodes: [q('q1', ['q2']), q('q2', ['q1'])] }).map((p) => p.message.render('en'))).toEqual([expect.stringMatching(/cycle/)]);
  });
});
