// GraphQL operations of the run viewer: one inference run's scores, one frame's images, and the
// evaluations of the same model version (ROC, per-video AUCs).
import { graphql } from '../graphql/generated';

export const RunViewerQuery = graphql(`
  query RunViewer($runId: ID!, $protocol: String) {
    inferenceRun(id: $runId) {
      id
      engine
      framesPerSecond
      hasMaps
      createdAt
      job {
        id
      }
      modelVersion {
        id
        number
        model {
          id
          name
        }
      }
      video {
        id
        name
        frameCount
        width
        height
        fps
        hasGroundTruth
        abnormalIntervals
      }
      scoresCsvUrl(protocol: $protocol)
      frameScores(protocol: $protocol) {
        protocol
        scores
        stagesNotApplied
        labels
        auc
        teacherError
        discrepancy
        classifier
      }
    }
    protocols
  }
`);

export const RunFrameQuery = graphql(`
  query RunFrame($runId: ID!, $frame: Int!, $component: String, $threshold: Float) {
    inferenceRun(id: $runId) {
      id
      anomalyMap(frame: $frame, component: $component, threshold: $threshold) {
        url
        width
        height
        low
        high
        scale
        peak
        regions {
          x0
          y0
          x1
          y1
          peak
        }
      }
      video {
        id
        frameUrl(frame: $frame)
      }
    }
  }
`);

export const RunSiblingsQuery = graphql(`
  query RunSiblings($modelVersionId: ID!) {
    inferenceRuns(modelVersionId: $modelVersionId) {
      id
      video {
        id
        name
      }
    }
    evaluations(modelVersionId: $modelVersionId) {
      id
      protocolName
      microAuc
      macroAuc
      eer
      videosSkipped
      createdAt
      perVideoAuc {
        video
        auc
      }
      rocCurve {
        fpr
        tpr
      }
    }
  }
`);
