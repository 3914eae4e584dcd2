import { describe, expect, it } from 'vitest';
import { providerBaseUrlsFromEnv } from '../../../main/core/providerBaseUrls';

describe('provider base URLs from the environment', () => {
  it('takes https anywhere and http only on loopback, and says why it refused the rest', () => {
    const { baseUrls, refused } = providerBaseUrlsFromEnv({
      SHOTLOOM_RUNWAY_BASE_URL: 'https://gateway.example.com/runway/',
      SHOTLOOM_OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1',
      SHOTLOOM_LUMA_BASE_URL: 'http://192.168.1.20:9000',
      SHOTLOOM_FAL_BASE_URL: 'not a url',
    });
    expect(baseUrls).toEqual({
      runway: 'https://gateway.example.com/runway',
      openai: 'http://127.0.0.1:8080/v1',
    });
    expect(refused).toEqual([
      'SHOTLOOM_LUMA_BASE_URL must be https, or http on 127.0.0.1 / localhost',
      'SHOTLOOM_FAL_BASE_URL is not a URL',
    ]);
  });
});
