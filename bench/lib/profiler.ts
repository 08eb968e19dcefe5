/** The inspector's CPU profiler on this thread, from now until `stop` writes the profile to a file (Chrome DevTools, speedscope). */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export async function startProfiler(): Promise<{ stop: (file: string) => Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (file: string) => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
