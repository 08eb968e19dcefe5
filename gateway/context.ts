/** Per-request context of the gateway: the client headers subgraphs must receive. */
export interface GatewayContext {
  headers: Partial<Record<'authorization' | 'x-request-id', string>>;
}
