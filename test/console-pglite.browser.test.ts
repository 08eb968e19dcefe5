/** The console's browser scenarios on embedded PGlite (test/console/suite.ts). */
import { consoleSuite } from './console/suite.js';

consoleSuite('pglite');
