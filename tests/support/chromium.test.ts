import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, launchChromium } from './chromium';

describe('launchChromium', () => {
  it('says how to install Chromium when it is missing', async () => {
    const launching = launchChromium('/nonexistent/chromium');
    await expect(launching).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(launching).rejects.toThrow(/there is none at \/nonexistent\/chromium\.\nInstall it: {2}sudo apt-get update && sudo apt-get install -y chromium/);
  });
});
