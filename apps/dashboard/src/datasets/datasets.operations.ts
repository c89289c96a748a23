// GraphQL operations of the data set screens: list, create, rename, delete, videos, ground truth and the
// synthetic-anomaly preview of the training data.
import { graphql } from '../graphql/generated';

export const DatasetsQuery = graphql(`
  query Datasets {
    datasets {
      id
      name
      createdAt
      versions {
        id
      }
      latestVersion {
        id
        number
        summary
        createdAt
      }
    }
  }
`);

export const FrameCacheQuery = graphql(`
  query FrameCache {
    viewer {
      role
    }
    frameCache {
      bytes
      budgetBytes
    }
  }
`);

export const ClearFrameCacheMutation = graphql(`
  mutation ClearFrameCache {
    clearFrameCache {
      bytes
      budgetBytes
    }
  }
`);

export const DatasetDetailQuery = graphql(`
  query DatasetDetail($id: ID!) {
    dataset(id: $id) {
      id
      name
      createdAt
      versions {
        id
        number
        contentHash
        format
        summary
        createdAt
      }
      latestVersion {
        id
        number
        videos {
          id
          name
          split
          frameCount
          width
          height
          fps
          codec
          sizeBytes
          status
          error
          hasGroundTruth
          hasPixelMasks
          abnormalIntervals
          frameUrl
        }
      }
    }
  }
`);

export const SyntheticPreviewQuery = graphql(`
  query SyntheticPreview($id: ID!, $seed: Int, $count: Int) {
    dataset(id: $id) {
      id
      latestVersion {
        id
        number
        syntheticPreviewUrl(seed: $seed, count: $count)
      }
    }
  }
`);

export const CreateDatasetMutation = graphql(`
  mutation CreateDataset($name: String!) {
    createDataset(name: $name) {
      id
      name
    }
  }
`);

export const RenameDatasetMutation = graphql(`
  mutation RenameDataset($id: ID!, $name: String!) {
    renameDataset(id: $id, name: $name) {
      id
      name
    }
  }
`);

export const DeleteDatasetMutation = graphql(`
  mutation DeleteDataset($id: ID!) {
    deleteDataset(id: $id)
  }
`);

export const SetFrameLabelsMutation = graphql(`
  mutation SetFrameLabels($videoId: ID!, $labels: [Int!], $intervals: [[Int!]!]) {
    setFrameLabels(videoId: $videoId, labels: $labels, intervals: $intervals) {
      id
      hasGroundTruth
      abnormalIntervals
    }
  }
`);

export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    job(id: $id) {
      id
      status
      error
      progress {
        fraction
        stage
      }
    }
  }
`);
