/** Outgoing mail: a transactional outbox per subgraph and the worker that delivers it. */
export * from './outbox.js';
export * from './worker.js';
export * from './subgraph.js';
