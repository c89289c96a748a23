// GraphQL operations of the leaderboard: the data sets to choose from and one data set's board.
import { graphql } from '../graphql/generated';

export const LeaderboardChoicesQuery = graphql(`
  query LeaderboardChoices {
    datasets {
      id
      name
    }
    protocols
  }
`);

export const LeaderboardQuery = graphql(`
  query Leaderboard($datasetId: ID!, $metric: LeaderboardMetric, $protocol: String) {
    leaderboard(datasetId: $datasetId, metric: $metric, protocol: $protocol) {
      metric
      protocol
      csvUrl
      dataset {
        id
        name
      }
      datasetVersion {
        id
        number
        contentHash
      }
      rows {
        rank
        microAuc
        macroAuc
        rbdc
        tbdc
        framesPerSecond
        parameterCount
        protocolName
        checkpointRule
        datasetVersionNumber
        comparable
        createdAt
        author {
          id
          name
        }
        evaluation {
          id
          job {
            id
          }
          inferenceJob {
            id
          }
        }
        modelVersion {
          id
          number
          model {
            id
            name
          }
        }
      }
      references {
        source
        microAuc
        macroAuc
        rbdc
        tbdc
        framesPerSecond
      }
    }
  }
`);
