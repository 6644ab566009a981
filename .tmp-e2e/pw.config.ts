import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: '.', timeout: 60_000, expect: { timeout: 10_000 }, workers: 1, reporter: [['list']], outputDir: '/tmp/pw-results' });
