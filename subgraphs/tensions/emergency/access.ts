/** Who may do what with emergency data (docs/emergency.md § Rights; docs/authorisation.md). */
import { hasRight, hasScope, requireReadAccess, requireRight } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import { TENSION_READ } from '../service.js';

/**
 * Writing an ED's RPU, reception capacity or deciding its proposals: its tension declarants and
 * referents (the rights that declare and close HET), or the ARS (ORU_ALERTE_NEW, transversal or
 * on the legal entity). rights.md has no RPU right: this is our rule.
 */
export const EMERGENCY_WRITE: RightCode[] = ['OruTension_tension_creation', 'OruTension_alerte_cloture', 'ORU_ALERTE_NEW'];

const establishment = (id: string) => ({ kind: 'ESTABLISHMENT' as const, id });

export const requireEmergencyRead = (identity: Identity, establishmentId: string): void => requireReadAccess(identity, TENSION_READ, establishment(establishmentId));

export const canReadEmergency = (identity: Identity, establishmentId: string): boolean =>
  identity.kind === 'client' ? hasScope(identity, TENSION_READ.scope) : TENSION_READ.rights.some((r) => hasRight(identity, r, establishment(establishmentId)));

export const requireEmergencyWrite = (identity: Identity, establishmentId: string): void => requireRight(identity, EMERGENCY_WRITE, establishment(establishmentId));

/** Running detection for the whole region is the ARS's: ORU_ALERTE_NEW on TRANSVERSAL. */
export const requireDetection = (identity: Identity): void => requireRight(identity, 'ORU_ALERTE_NEW', { kind: 'TRANSVERSAL' });
