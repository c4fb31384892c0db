// Where GitHub's APIs live, laid out as GitHub lays them out: on github.com and GHE.com the REST API
// and GraphQL share a host (`https://api.github.com`, `…/graphql`); on GitHub Enterprise Server both
// hang off `/api` (`https://ghes/api/v3`, `https://ghes/api/graphql`). The runner names both
// (GITHUB_API_URL, GITHUB_GRAPHQL_URL); this is the fallback when it names only the first.

/** GraphQL endpoint for a REST base URL: `https://api.github.com/graphql`, or `https://ghes/api/graphql` for `https://ghes/api/v3`. */
export function graphqlUrl(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '')
  return /\/api\/v3$/.test(base) ? `${base.slice(0, -'/v3'.length)}/graphql` : `${base}/graphql`
}
