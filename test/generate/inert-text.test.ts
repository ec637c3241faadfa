import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { checkShape } from '../../generator/load/check-shape.js';
import { descriptionMarkdown } from '../../generator/text/descriptions.js';
import { jsDocText, markdownText } from '../../generator/text/escape.js';

/** The tags in Markdown rendered as a viewer renders it. */
function renderedTags(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false }) as string;
  return [...html.matchAll(/<\/?([A-Za-z][\w-]*)[^>]*>/g)].map((m) => m[0]);
}

const FORMATTING = /^<\/?(p|a|code|pre|em|strong|ul|ol|li|h[1-6]|blockquote|table|thead|tbody|tr|th|td|hr|br)( href="(https?:|mailto:)[^"]*")?>$/;

describe('spec descriptions as Markdown', () => {
  const hostile: [string, string][] = [
    ['escaped markup', '<p>Use &lt;img src=x onerror=alert(1)&gt; here</p>'],
    ['double-escaped markup', '<p>&amp;lt;img src=x onerror=alert(1)&amp;gt;</p>'],
    ['markup inside <style>', '<style><img src=x onerror=alert(1)></style>after'],
    ['markup inside <textarea>', '<textarea><script>alert(1)</script></textarea>after'],
    ['markup inside <script>', '<script>document.write("<img src=x onerror=alert(1)>")</script>'],
    ['markup inside <noscript>', '<noscript><img src=x onerror=alert(1)></noscript>'],
    ['markup inside <title>', '<title><img src=x onerror=alert(1)></title>'],
    ['markup inside <xmp>', '<xmp><img src=x onerror=alert(1)></xmp>'],
    ['an <iframe srcdoc>', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['an event handler', '<p onclick="alert(1)">click</p><b onmouseover=alert(1)>x</b>'],
    ['a javascript: link', '<a href="javascript:alert(1)">link</a>'],
    ['mXSS through svg/math', '<svg><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['a CDATA section', '<p><![CDATA[<img src=x onerror=alert(1)>]]></p>'],
    ['an HTML comment', '<!-- <img src=x onerror=alert(1)> -->text'],
    ['entities for angle brackets', '<p>&#60;script&#62;alert(1)&#60;/script&#62;</p>'],
    ['Markdown link to javascript:', 'See [docs](javascript:alert(1)) and ![x](javascript:alert(2))'],
    ['raw Markdown autolink', 'Go <javascript:alert(1)>'],
  ];
  for (const [name, html] of hostile) {
    it(`renders ${name} with no live markup`, () => {
      const markdown = descriptionMarkdown(html);
      expect(renderedTags(markdown).filter((tag) => !FORMATTING.test(tag))).toEqual([]);
    });
  }

  it('keeps the text of escaped markup readable, as characters', () => {
    const markdown = descriptionMarkdown('<p>Use &lt;img&gt; &amp; friends</p>');
    expect(markdown).toBe('Use &lt;img> &amp; friends');
    expect(marked.parse(markdown, { async: false })).toBe('<p>Use &lt;img&gt; &amp; friends</p>\n');
  });

  it('keeps the formatting Stripe descriptions use: links, code, lists, emphasis', () => {
    const markdown = descriptionMarkdown('<p>See <a href="/docs/x">the guide</a>, use <code>a &lt; b</code>.</p><ul><li><strong>one</strong></li></ul>');
    expect(markdown).toBe('See [the guide](https://stripe.com/docs/x), use `a < b`.\n\n-   **one**');
  });

  it('caps nesting, so thousands of unclosed tags convert instead of overflowing the stack', () => {
    const markdown = descriptionMarkdown('x<b>'.repeat(20_000));
    expect(markdown.replace(/\*/g, '')).toBe('x'.repeat(20_000));
  });
});

describe('doc comment and Markdown text escapes', () => {
  it('a doc comment can neither close early nor start a tag line', () => {
    expect(jsDocText('a */ b\n@deprecated no\n  @internal x')).toBe('a *\\/ b\n\\@deprecated no\n  \\@internal x');
  });

  it('Markdown text renders as the characters written', () => {
    const text = 'Create <img src=x onerror=alert(1)> [x](javascript:y) `code` *em* | pipe';
    const html = marked.parse(markdownText(text), { async: false }) as string;
    expect(renderedTags(markdownText(text))).toEqual(['<p>', '</p>']);
    expect(html).toBe('<p>Create &#60;img src=x onerror=alert(1)&#62; [x](javascript:y) `code` *em* | pipe</p>\n');
  });
});

describe('the shape check', () => {
  const base = () => ({ openapi: '3.0.0', info: { title: 'T', version: '1' }, paths: {} as Record<string, unknown> });
  const refusal = (doc: Record<string, unknown>) => {
    try {
      checkShape(doc);
    } catch (error) {
      return `${(error as { where?: string }).where}: ${(error as Error).message}`;
    }
    return 'accepted';
  };

  it('names the pointer and what it found', () => {
    expect(refusal({ ...base(), paths: [] })).toBe('#/paths: expected an object, found a list');
    expect(refusal({ ...base(), paths: { '/v1/a': { get: { parameters: 'id' } } } })).toBe('#/paths/~1v1~1a/get/parameters: expected a list, found the string "id"');
    expect(refusal({ ...base(), components: { schemas: { a: { properties: { b: null } } } } })).toBe('#/components/schemas/a/properties/b: expected a schema object, found null');
    expect(refusal({ ...base(), components: { schemas: { a: { type: ['string', 'null'] } } } })).toBe(
      '#/components/schemas/a/type: expected one of string, number, integer, boolean, object, array, found a list',
    );
    expect(refusal({ ...base(), components: { schemas: { a: { $ref: 7 } } } })).toBe('#/components/schemas/a/$ref: expected a string, found number 7');
  });

  it('accepts a schema shared by YAML aliases, and __proto__ as a name', () => {
    const shared = { type: 'string' };
    const doc = base();
    doc.paths = JSON.parse('{"/v1/a": {"get": {"parameters": [{"name": "__proto__", "in": "query", "schema": {"type": "string"}}]}}}');
    expect(refusal({ ...doc, components: { schemas: { a: shared, b: { properties: { x: shared, y: shared } } } } })).toBe('accepted');
  });
});
