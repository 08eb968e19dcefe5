# One image for every component of the hub; docker-compose.yml picks the component with
# `npm run serve -- <offer|capacities|tensions|professionals|gateway>`.
FROM node:24-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=1

# Runtime dependencies only: Node 24 runs the TypeScript sources itself (type stripping, with the
# resolve hook of scripts/runtime/ts-resolve.ts, D102) or `npm start`'s bundle of them, built
# below (D203); no install scripts, as in development.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# Sources are copied folder by folder, so a developer's node_modules/ or .data/ never enter the image.
COPY tsconfig.json ./
COPY platform ./platform
COPY schemas ./schemas
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY fhir ./fhir
COPY scripts ./scripts
# The console, built once in the image (web/build/build.ts): the gateway serves web/dist at /.
COPY web ./web
RUN node --import ./scripts/runtime/ts-resolve.ts web/build/build.ts
# `npm start`'s production build (scripts/runtime/hub-build.ts, rolldown from Vite's dependencies),
# made here so the container starts from it; `npm run serve` runs the sources (D102).
RUN node --import ./scripts/runtime/ts-resolve.ts scripts/runtime/hub-build.ts

# The embedded database's default folder (used when DATABASE_URL is unset) must be writable by
# the unprivileged user the hub runs as, and so must the migrated cluster a first start keeps for
# the next (scripts/lib/cluster-template.ts).
RUN mkdir -p /app/.data /app/.build/pglite && chown node:node /app/.data /app/.build/pglite
USER node
EXPOSE 4000 4001 4002 4003 4004
CMD ["npm", "start"]
