// GraphQL types of the health check.
export const healthTypeDefs = /* GraphQL */ `
  type Health {
    "Platform version."
    version: String!
    "The store: 'pglite' or 'postgresql' when it answers, else the reason it does not."
    database: String!
    "The job queue: 'in-process' or 'bullmq' when it answers, else the reason it does not."
    queue: String!
  }

  type Query {
    health: Health!
  }
`;
