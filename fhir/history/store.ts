/** SQL of the version store (tables.ts): append a version once, read a resource's versions newest first. */
import { and, desc, eq } from 'drizzle-orm';
import type { Database, Orm } from '../../platform/db/client.js';
import type { DomainResource } from '../types.js';
import { resourceVersions, type ResourceVersionRow } from './tables.js';

export type StoredVersion = Pick<ResourceVersionRow, 'resourceType' | 'resourceId' | 'versionId' | 'lastUpdated' | 'unitClass' | 'body'>;

/** Most versions of one resource a history or vread looks at (newest first); older ones stay stored. */
export const MAX_VERSIONS_READ = 1_000;

export interface VersionStore {
  has(resourceType: string, resourceId: string, versionId: string): Promise<boolean>;
  /** Versions of a resource, newest first (by lastUpdated, then recording), at most MAX_VERSIONS_READ. */
  list(resourceType: string, resourceId: string): Promise<StoredVersion[]>;
  /**
   * Keeps a version unless one with its versionId is stored (versions are immutable; a versionId
   * names the record's state). `orm` is a transaction when the caller has one (the feed consumer).
   */
  save(body: DomainResource & { id: string; meta: { versionId: string; lastUpdated: string } }, unitClass: string | null, orm?: Orm): Promise<void>;
}

export function createVersionStore(db: Database): VersionStore {
  return {
    has: async (resourceType, resourceId, versionId) => {
      const [row] = await db.orm
        .select({ versionId: resourceVersions.versionId })
        .from(resourceVersions)
        .where(and(eq(resourceVersions.resourceType, resourceType), eq(resourceVersions.resourceId, resourceId), eq(resourceVersions.versionId, versionId)))
        .limit(1);
      return row !== undefined;
    },
    list: (resourceType, resourceId) =>
      db.orm
        .select({
          resourceType: resourceVersions.resourceType,
          resourceId: resourceVersions.resourceId,
          versionId: resourceVersions.versionId,
          lastUpdated: resourceVersions.lastUpdated,
          unitClass: resourceVersions.unitClass,
          body: resourceVersions.body,
        })
        .from(resourceVersions)
        .where(and(eq(resourceVersions.resourceType, resourceType), eq(resourceVersions.resourceId, resourceId)))
        .orderBy(desc(resourceVersions.lastUpdated), desc(resourceVersions.recordedAt))
        .limit(MAX_VERSIONS_READ),
    save: async (body, unitClass, orm = db.orm) => {
      await orm
        .insert(resourceVersions)
        .values({
          resourceType: body.resourceType,
          resourceId: body.id,
          versionId: body.meta.versionId,
          lastUpdated: body.meta.lastUpdated,
          unitClass,
          body,
        })
        .onConflictDoNothing();
    },
  };
}
