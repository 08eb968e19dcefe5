/** A GraphQL call over HTTP (fetch keeps its connection alive between calls). */
export async function graphql<T>(url: string, authorization: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error (HTTP ${response.status}): ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  return body.data;
}

/** POST /graphql requests a subgraph has served, from its Prometheus counter. */
export async function graphqlRequests(subgraphUrl: string): Promise<number> {
  const text = await (await fetch(subgraphUrl.replace(/\/graphql$/, '/metrics'))).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('http_requests_total{') && l.includes('method="POST"') && l.includes('route="/graphql"'))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}
