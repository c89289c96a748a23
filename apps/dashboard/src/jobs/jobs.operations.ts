// GraphQL operations of the job screens: the live list, one job with logs and loss curve, cancel, retry.
import { graphql } from '../graphql/generated';

export const JobSummaryFragment = graphql(`
  fragment JobSummary on Job {
    id
    kind
    subject
    status
    attempt
    maxAttempts
    error
    cancelRequested
    createdAt
    startedAt
    finishedAt
    parameters
    progress {
      stage
      epoch
      epochs
      step
      steps
      loss
      framesPerSecond
      etaSeconds
      fraction
    }
    queuedBy {
      id
      name
    }
  }
`);

export const JobsQuery = graphql(`
  query Jobs($filter: JobFilter, $first: Int) {
    jobs(filter: $filter, first: $first) {
      totalCount
      nodes {
        ...JobSummary
      }
    }
  }
`);

export const JobUpdatesSubscription = graphql(`
  subscription JobUpdates {
    jobUpdated {
      ...JobSummary
    }
  }
`);

/** What the job page follows live: the summary, the loss curve, the finished epochs and the last log lines. */
export const JobLiveFragment = graphql(`
  fragment JobLive on Job {
    ...JobSummary
    lossCurve {
      stage
      epoch
      globalStep
      loss
    }
    epochResults {
      stage
      epoch
      loss
      validationLoss
      seconds
    }
    logs(last: 200) {
      at
      attempt
      level
      message
    }
  }
`);

export const JobDetailQuery = graphql(`
  query JobDetail($id: ID!) {
    job(id: $id) {
      ...JobLive
      result
      heartbeatAt
      inferenceRuns {
        id
        video {
          id
          name
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
      evaluation {
        id
        microAuc
        macroAuc
      }
    }
  }
`);

export const JobDetailUpdatesSubscription = graphql(`
  subscription JobDetailUpdates($id: ID!) {
    jobUpdated(id: $id) {
      ...JobLive
    }
  }
`);

export const CancelJobMutation = graphql(`
  mutation CancelJob($id: ID!) {
    cancelJob(id: $id) {
      ...JobSummary
    }
  }
`);

export const RetryJobMutation = graphql(`
  mutation RetryJob($id: ID!) {
    retryJob(id: $id) {
      ...JobSummary
    }
  }
`);
