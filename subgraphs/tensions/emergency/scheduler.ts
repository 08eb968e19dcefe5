/**
 * The daily detection job: once the Paris clock passes DETECTION_TIME, detect tensions on
 * yesterday's indicators (the RPU of day J-1 arrive overnight). Every process checks every few
 * minutes; the unique (establishment, day, signal) makes a second run create nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/client.js';
import type { Logger } from '../../../platform/logger.js';
import { addDays, parisToday } from './dates.js';
import { detectTensions } from './detect.js';
import { startJob, type Job, type JobResult } from '../../../platform/jobs.js';

export const DETECTION_TIME = '07:00';
const CHECK_EVERY_MS = 5 * 60_000;

const parisTime = (at: Date): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

export interface DetectionJobOptions {
  db: Database;
  logger: Logger;
  bjmlYears: number;
  availableBeds: (establishmentId: string) => Promise<number | null>;
}

export function scheduleDetection(app: FastifyInstance, options: DetectionJobOptions): void {
  let doneFor: string | null = null;
  const check = async (): Promise<JobResult> => {
    const now = new Date();
    const today = parisToday(now);
    if (doneFor === today || parisTime(now) < DETECTION_TIME) return 'idle';
    const day = addDays(today, -1);
    const result = await detectTensions(options.db, day, { bjmlYears: options.bjmlYears, availableBeds: options.availableBeds, actor: 'tension-detection', scheduled: true, now });
    doneFor = today;
    options.logger.info({ day, establishments: result.establishments, proposals: result.created.length }, 'tension detection done');
    return result.created.length;
  };
  let job: Job | null = null;
  // First check one interval after start: other subgraphs may start after us, and
  // short-lived processes (tests, scripts) run no detection.
  app.addHook('onListen', async () => {
    job = startJob(options.logger, { name: 'tension-detection', failureLevel: 'warn', everyMs: CHECK_EVERY_MS, run: check, logRuns: false });
  });
  app.addHook('onClose', async () => {
    await job?.stop();
  });
}
