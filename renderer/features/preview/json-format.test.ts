import { describe, expect, it } from 'vitest';
import { formatJson } from './json-format';

describe('JSON for reading', () => {
  it('indents two spaces and keeps numbers and key order exactly as written', () => {
    const { text, error } = formatJson('{"id":12345678901234567890,"b":[1,2],"a":{"x":"y"}}');
    expect(error).toBeNull();
    expect(text).toBe('{\n  "id": 12345678901234567890,\n  "b": [\n    1,\n    2\n  ],\n  "a": {\n    "x": "y"\n  }\n}');
  });

  it('says where invalid JSON breaks and leaves it as written', () => {
    const broken = '{\n  "a": 1,\n  "b": }';
    const { text, error } = formatJson(broken);
    expect(text).toBe(broken);
    expect(error).toMatch(/^ValueExpected at line 3, column 8$/);
  });
});
