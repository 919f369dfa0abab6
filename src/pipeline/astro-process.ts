/**
 * How scripts/build.ts starts its Astro process (scripts/astro-build.ts) before it needs it: the process loads
 * Astro (~0.65 s) while the ingest runs, then waits for the go, which brings the variables the build adds to
 * its environment once it knows them (the site key). If no build is needed, the parent closes the channel
 * and the process ends.
 */
export const ASTRO_GO = 'briefing:astro-go';
export interface AstroGo {
  type: typeof ASTRO_GO;
  env: Record<string, string>;
}

type Channel = Pick<NodeJS.Process, 'on' | 'once' | 'off'> & { send?: unknown; connected?: boolean };

/**
 * In the Astro process: the go, or null when the channel closed first (also while Astro was still loading).
 * Run on its own (no channel), it goes at once.
 */
export function waitForGo(channel: Channel = process): Promise<AstroGo | null> {
  if (typeof channel.send !== 'function') return Promise.resolve({ type: ASTRO_GO, env: {} });
  if (!channel.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const onMessage = (message: Partial<AstroGo>): void => {
      if (message?.type !== ASTRO_GO) return;
      done();
      resolve({ type: ASTRO_GO, env: { ...message.env } });
    };
    const onDisconnect = (): void => {
      done();
      resolve(null);
    };
    const done = (): void => {
      channel.off('message', onMessage);
      channel.off('disconnect', onDisconnect);
    };
    channel.on('message', onMessage);
    channel.once('disconnect', onDisconnect);
  });
}
