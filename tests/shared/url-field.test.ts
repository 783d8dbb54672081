import { describe, expect, it } from 'vitest';
import { urlField } from '../../shared/schemas.js';

describe('a link as people paste it', () => {
  it('adds https:// to a link without a scheme, keeps http(s) links and empty, refuses other schemes', () => {
    expect(urlField.parse('weibo.com/1234567/Nabc')).toBe('https://weibo.com/1234567/Nabc');
    expect(urlField.parse(' www.gov.cn/zhengce ')).toBe('https://www.gov.cn/zhengce');
    expect(urlField.parse('http://example.gov.cn/a')).toBe('http://example.gov.cn/a');
    expect(urlField.parse('https://example.gov.cn/a')).toBe('https://example.gov.cn/a');
    expect(urlField.parse('')).toBe('');
    expect(urlField.safeParse('javascript:alert(1)').error?.issues[0]?.message).toBe('链接应是网址，如 https://weibo.com/…');
    expect(urlField.safeParse('file:///etc/passwd').success).toBe(false);
    expect(urlField.safeParse('两个 词').success).toBe(false);
  });
});
