import { startBackground } from '@/lib/worker/background';

export default defineBackground(() => {
  startBackground();
});
