import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('turns an absolute invitation link into a link and keeps the text around it', () => {
    const body = 'Hei!\nÅpne lenken: http://localhost:3000/invitation#token=abc_DEF-123.\nHilsen Eidør';
    expect(linkify(body)).toEqual([
      { kind: 'text', text: 'Hei!\nÅpne lenken: ' },
      { kind: 'link', href: 'http://localhost:3000/invitation#token=abc_DEF-123' },
      { kind: 'text', text: '.\nHilsen Eidør' },
    ]);
  });

  it('leaves text without addresses alone, and ignores other schemes', () => {
    expect(linkify('Ingen lenker her, bare javascript:alert(1)')).toEqual([{ kind: 'text', text: 'Ingen lenker her, bare javascript:alert(1)' }]);
  });

  it('finds several addresses', () => {
    expect(linkify('https://a.no og https://b.no').filter((p) => p.kind === 'link')).toHaveLength(2);
  });
});
