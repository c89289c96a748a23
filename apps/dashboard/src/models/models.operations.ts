// GraphQL operations of the model screens: models, their versions with training data, metrics and
// aliases, the runs of a version, and promotion.
import { graphql } from '../graphql/generated';

export const ModelsQuery = graphql(`
  query Models {
    models {
      id
      name
      createdAt
      aliases {
        alias
        modelVersion {
          id
          number
        }
      }
      versions {
        id
        number
        preset
        createdAt
      }
    }
  }
`);

export const ModelDetailQuery = graphql(`
  query ModelDetail($id: ID!) {
    model(id: $id) {
      id
      name
      createdAt
      aliases {
        alias
        modelVersion {
          id
          number
        }
      }
      versions {
        id
        number
        preset
        checkpointRule
        scoreWeights {
          teacherError
          discrepancy
          classifier
          source
          validationAuc {
            set
            auc
          }
          paperWeightsValidationAuc {
            set
            auc
          }
        }
        parameterCount
        gflopsPerFrame
        config
        trainingMetrics
        createdAt
        aliases
        checkpointUrl
        onnxUrl
        createdBy {
          id
          name
        }
        trainingJob {
          id
          status
          finishedAt
        }
        datasetVersion {
          id
          number
          contentHash
          summary
          dataset {
            id
            name
          }
        }
        evaluations {
          id
          protocolName
          microAuc
          macroAuc
          rbdc
          tbdc
          eer
          createdAt
        }
      }
    }
  }
`);

export const ModelVersionRunsQuery = graphql(`
  query ModelVersionRuns($modelVersionId: ID!) {
    inferenceRuns(modelVersionId: $modelVersionId) {
      id
      engine
      framesPerSecond
      createdAt
      video {
        id
        name
        split
      }
    }
  }
`);

export const PromoteModelVersionMutation = graphql(`
  mutation PromoteModelVersion($id: ID!, $alias: String) {
    promoteModelVersion(id: $id, alias: $alias) {
      id
      aliases
    }
  }
`);
