import sanitizeHtml from 'sanitize-html';
import { describe, expect, it, vi } from 'vitest';
import { descriptionHtml, descriptionText } from '../../generator/emit/html/description-html.js';
import { jsonForScript } from '../../generator/emit/html/json-script.js';
import { modelDescriptions } from '../../generator/model/descriptions.js';
import { model } from '../support/project.js';

type DescriptionHtmlModule = typeof import('../../generator/emit/html/description-html.js');

describe('descriptionHtml', () => {
  it('keeps the markup of operation descriptions and makes links absolute', () => {
    expect(descriptionHtml('<p>Use the <code>client_secret</code>. Related guide: <a href="/docs/identity/verify-identity-documents">Verify</a></p>')).toBe(
      '<p>Use the <code>client_secret</code>. Related guide: <a href="https://stripe.com/docs/identity/verify-identity-documents">Verify</a></p>',
    );
  });

  it('renders the Markdown links and code spans of field descriptions, escaping the rest', () => {
    expect(descriptionHtml('The type of [verification check](/docs/identity/verification-checks) to use, `document` or 1 < 2 & "3".')).toBe(
      '<p>The type of <a href="https://stripe.com/docs/identity/verification-checks">verification check</a> to use, <code>document</code> or 1 &lt; 2 &amp; "3".</p>',
    );
    expect(descriptionHtml('One.\n\nTwo.')).toBe('<p>One.</p>\n<p>Two.</p>');
  });

  const hostile = [
    '</script><script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<p onclick="alert(1)">hi</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="  JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<svg><script>alert(1)</script></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<style>body{display:none}</style><p style="x">y</p>',
    '<math><mtext><img src=x onerror=alert(1)></mtext></math>',
    '[x](javascript:alert(1))',
    '<scr<script>ipt>alert(1)</script>',
    '<!--<img src=x onerror=alert(1)>-->',
    '<form action="https://evil.example"><input name=x></form>',
  ];
  for (const text of hostile) {
    it(`renders ${JSON.stringify(text)} inert`, () => {
      const out = descriptionHtml(text);
      expect(out).not.toMatch(/<(script|img|svg|iframe|style|math|form|input)\b/i);
      expect(out).not.toMatch(/\son\w+\s*=/i);
      expect(out).not.toMatch(/(javascript|data):/i);
      expect(out).not.toMatch(/style=/i);
    });
  }

  it('gives plain text for places without markup', () => {
    expect(descriptionText('<p>A &amp; B <code>c</code></p>\n<p>Next</p>')).toBe('A & B c Next');
  });

  it('gives the plain text sanitize-html would, with no tag allowed, for every description of the whole API', async () => {
    const texts = [...modelDescriptions(await model({ allResourceTypes: true })), '<p>a "quoted" <b>x</b> &lt;y&gt; it\'s</p>', '<p>unclosed <a href="/x?a=1&b=2">l'];
    const untagged = (text: string) =>
      sanitizeHtml(descriptionHtml(text).replace(/<\/(p|li)>/g, ' '), { allowedTags: [], allowedAttributes: {} })
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim();
    expect(texts.map(descriptionText)).toEqual(texts.map(untagged));
  });
});

const ALONE = [
  '<script>alert(1)',
  '<p>x</sdkgen-description><b>y',
  '<p>a fake marker \u00010\u0001</p>',
  '<!-- a comment <p>x',
  '<STYLE>p{}',
  '<svg><p>x</p></svg>',
  '<textarea><p>x',
];

describe('descriptions sanitized together, ahead of the pages', () => {
  // A module instance of its own, with an empty cache.
  const fresh = async (): Promise<DescriptionHtmlModule> => {
    vi.resetModules();
    return import('../../generator/emit/html/description-html.js');
  };

  it('come out exactly as each would alone: every description of the whole API, and hostile ones', async () => {
    const texts = [
      ...modelDescriptions(await model({ allResourceTypes: true })),
      // Markup of their own, tags left open or closed astray: sanitized together, each closed at its end.
      '<p>unclosed <a href="/docs">link',
      '<code>open',
      'a <br> b',
      '<ul><li>one<li>two',
      '</p></b></ul> stray closes',
      '<B>bold <i>both',
      // Markup that changes how the parser reads what follows, or that plays the separators: sanitized alone.
      ...ALONE,
      // Markdown-ish: escaped, so nothing in them can pass for the separator.
      '`<br />` in a code span',
      'x &lt;br /&gt; y',
      'see [x](javascript:alert(1)) and [y](/docs/api)',
    ];
    expect(texts.length).toBeGreaterThan(3000);
    const alone = await fresh();
    const expected = texts.map((text) => alone.descriptionHtml(text));
    // Counted, to see that the descriptions did go through two passes, and only those above alone.
    let passes = 0;
    const real = (await vi.importActual<{ default: (...args: unknown[]) => string }>('sanitize-html')).default;
    vi.doMock('sanitize-html', () => ({ default: Object.assign((...args: unknown[]) => (passes++, real(...args)), real) }));
    const together = await fresh();
    together.prepareDescriptionHtml(texts);
    expect(passes).toBe(2);
    expect(texts.map((text) => together.descriptionHtml(text))).toEqual(expected);
    expect(texts.filter((text) => /<\/?[a-z][^>]*>/i.test(text)).length).toBeGreaterThan(100);
    expect(passes).toBe(2 + ALONE.length);
    vi.doUnmock('sanitize-html');
    // The unsafe link keeps its text and loses its href.
    expect(expected).toContain('<p>see <a>x</a>) and <a href="https://stripe.com/docs/api">y</a></p>');
  }, 60_000);
});

describe('jsonForScript', () => {
  it('cannot end the script element, open a comment or break JavaScript, and reads back unchanged', () => {
    const value = { text: '</script><script>alert(1)</script><!-- & \u2028\u2029 >' };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(out)).toEqual(value);
  });
});
