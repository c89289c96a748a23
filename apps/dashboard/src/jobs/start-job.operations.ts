// GraphQL operations of the start-a-job forms: what can be chosen, and the three ways to start work.
import { graphql } from '../graphql/generated';

export const StartJobChoicesQuery = graphql(`
  query StartJobChoices {
    datasets {
      id
      name
      latestVersion {
        id
        number
        summary
      }
    }
    modelPresets {
      name
      description
      intendedFor
      teacherEpochs
      studentEpochs
      batchSize
      parameterCount
      gflopsPerFrame
      measuredSpeed {
        teacherFramesPerSecond
        studentFramesPerSecond
        trainings
      }
    }
    workers {
      backend
      device
      kinds
      count
    }
    models {
      id
      name
      versions {
        id
        number
        preset
        createdAt
      }
    }
    protocols
    jobs(filter: { kind: [INFER], status: [SUCCEEDED] }, first: 50) {
      nodes {
        id
        createdAt
        parameters
      }
    }
  }
`);

export const StartTrainingMutation = graphql(`
  mutation StartTraining($input: TrainingInput!) {
    startTraining(input: $input) {
      id
    }
  }
`);

export const StartInferenceMutation = graphql(`
  mutation StartInference($input: InferenceInput!) {
    startInference(input: $input) {
      id
    }
  }
`);

export const StartEvaluationMutation = graphql(`
  mutation StartEvaluation($inferenceJobId: ID!, $protocol: String) {
    startEvaluation(inferenceJobId: $inferenceJobId, protocol: $protocol) {
      id
    }
  }
`);
