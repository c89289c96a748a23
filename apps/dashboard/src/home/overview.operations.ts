// GraphQL operation of the home page: platform health and how far the team has got.
import { graphql } from '../graphql/generated';

export const OverviewQuery = graphql(`
  query Overview {
    health {
      version
      database
      queue
    }
    datasets {
      id
      name
      latestVersion {
        id
        summary
      }
    }
    models {
      id
      versions {
        id
      }
    }
    evaluations {
      id
    }
    jobs(first: 5) {
      totalCount
      nodes {
        id
        kind
        status
        createdAt
      }
    }
  }
`);
