/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Datasets {\n    datasets {\n      id\n      name\n      createdAt\n      versions {\n        id\n      }\n      latestVersion {\n        id\n        number\n        summary\n        createdAt\n      }\n    }\n  }\n": typeof types.DatasetsDocument,
    "\n  query FrameCache {\n    viewer {\n      role\n    }\n    frameCache {\n      bytes\n      budgetBytes\n    }\n  }\n": typeof types.FrameCacheDocument,
    "\n  mutation ClearFrameCache {\n    clearFrameCache {\n      bytes\n      budgetBytes\n    }\n  }\n": typeof types.ClearFrameCacheDocument,
    "\n  query DatasetDetail($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      createdAt\n      versions {\n        id\n        number\n        contentHash\n        format\n        summary\n        createdAt\n      }\n      latestVersion {\n        id\n        number\n        videos {\n          id\n          name\n          split\n          frameCount\n          width\n          height\n          fps\n          codec\n          sizeBytes\n          status\n          error\n          hasGroundTruth\n          hasPixelMasks\n          abnormalIntervals\n          frameUrl\n        }\n      }\n    }\n  }\n": typeof types.DatasetDetailDocument,
    "\n  query SyntheticPreview($id: ID!, $seed: Int, $count: Int) {\n    dataset(id: $id) {\n      id\n      latestVersion {\n        id\n        number\n        syntheticPreviewUrl(seed: $seed, count: $count)\n      }\n    }\n  }\n": typeof types.SyntheticPreviewDocument,
    "\n  mutation CreateDataset($name: String!) {\n    createDataset(name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.CreateDatasetDocument,
    "\n  mutation RenameDataset($id: ID!, $name: String!) {\n    renameDataset(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenameDatasetDocument,
    "\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id)\n  }\n": typeof types.DeleteDatasetDocument,
    "\n  mutation SetFrameLabels($videoId: ID!, $labels: [Int!], $intervals: [[Int!]!]) {\n    setFrameLabels(videoId: $videoId, labels: $labels, intervals: $intervals) {\n      id\n      hasGroundTruth\n      abnormalIntervals\n    }\n  }\n": typeof types.SetFrameLabelsDocument,
    "\n  query ImportJob($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      error\n      progress {\n        fraction\n        stage\n      }\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  query Overview {\n    health {\n      version\n      database\n      queue\n    }\n    datasets {\n      id\n      name\n      latestVersion {\n        id\n        summary\n      }\n    }\n    models {\n      id\n      versions {\n        id\n      }\n    }\n    evaluations {\n      id\n    }\n    jobs(first: 5) {\n      totalCount\n      nodes {\n        id\n        kind\n        status\n        createdAt\n      }\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  fragment JobSummary on Job {\n    id\n    kind\n    subject\n    status\n    attempt\n    maxAttempts\n    error\n    cancelRequested\n    createdAt\n    startedAt\n    finishedAt\n    parameters\n    progress {\n      stage\n      epoch\n      epochs\n      step\n      steps\n      loss\n      framesPerSecond\n      etaSeconds\n      fraction\n    }\n    queuedBy {\n      id\n      name\n    }\n  }\n": typeof types.JobSummaryFragmentDoc,
    "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        ...JobSummary\n      }\n    }\n  }\n": typeof types.JobsDocument,
    "\n  subscription JobUpdates {\n    jobUpdated {\n      ...JobSummary\n    }\n  }\n": typeof types.JobUpdatesDocument,
    "\n  fragment JobLive on Job {\n    ...JobSummary\n    lossCurve {\n      stage\n      epoch\n      globalStep\n      loss\n    }\n    epochResults {\n      stage\n      epoch\n      loss\n      validationLoss\n      seconds\n    }\n    logs(last: 200) {\n      at\n      attempt\n      level\n      message\n    }\n  }\n": typeof types.JobLiveFragmentDoc,
    "\n  query JobDetail($id: ID!) {\n    job(id: $id) {\n      ...JobLive\n      result\n      heartbeatAt\n      inferenceRuns {\n        id\n        video {\n          id\n          name\n        }\n      }\n      modelVersion {\n        id\n        number\n        model {\n          id\n          name\n        }\n      }\n      evaluation {\n        id\n        microAuc\n        macroAuc\n      }\n    }\n  }\n": typeof types.JobDetailDocument,
    "\n  subscription JobDetailUpdates($id: ID!) {\n    jobUpdated(id: $id) {\n      ...JobLive\n    }\n  }\n": typeof types.JobDetailUpdatesDocument,
    "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      ...JobSummary\n    }\n  }\n": typeof types.CancelJobDocument,
    "\n  mutation RetryJob($id: ID!) {\n    retryJob(id: $id) {\n      ...JobSummary\n    }\n  }\n": typeof types.RetryJobDocument,
    "\n  query StartJobChoices {\n    datasets {\n      id\n      name\n      latestVersion {\n        id\n        number\n        summary\n      }\n    }\n    modelPresets {\n      name\n      description\n      intendedFor\n      teacherEpochs\n      studentEpochs\n      batchSize\n      parameterCount\n      gflopsPerFrame\n      measuredSpeed {\n        teacherFramesPerSecond\n        studentFramesPerSecond\n        trainings\n      }\n    }\n    workers {\n      backend\n      device\n      kinds\n      count\n    }\n    models {\n      id\n      name\n      versions {\n        id\n        number\n        preset\n        createdAt\n      }\n    }\n    protocols\n    jobs(filter: { kind: [INFER], status: [SUCCEEDED] }, first: 50) {\n      nodes {\n        id\n        createdAt\n        parameters\n      }\n    }\n  }\n": typeof types.StartJobChoicesDocument,
    "\n  mutation StartTraining($input: TrainingInput!) {\n    startTraining(input: $input) {\n      id\n    }\n  }\n": typeof types.StartTrainingDocument,
    "\n  mutation StartInference($input: InferenceInput!) {\n    startInference(input: $input) {\n      id\n    }\n  }\n": typeof types.StartInferenceDocument,
    "\n  mutation StartEvaluation($inferenceJobId: ID!, $protocol: String) {\n    startEvaluation(inferenceJobId: $inferenceJobId, protocol: $protocol) {\n      id\n    }\n  }\n": typeof types.StartEvaluationDocument,
    "\n  query LeaderboardChoices {\n    datasets {\n      id\n      name\n    }\n    protocols\n  }\n": typeof types.LeaderboardChoicesDocument,
    "\n  query Leaderboard($datasetId: ID!, $metric: LeaderboardMetric, $protocol: String) {\n    leaderboard(datasetId: $datasetId, metric: $metric, protocol: $protocol) {\n      metric\n      protocol\n      csvUrl\n      dataset {\n        id\n        name\n      }\n      datasetVersion {\n        id\n        number\n        contentHash\n      }\n      rows {\n        rank\n        microAuc\n        macroAuc\n        rbdc\n        tbdc\n        framesPerSecond\n        parameterCount\n        protocolName\n        checkpointRule\n        datasetVersionNumber\n        comparable\n        createdAt\n        author {\n          id\n          name\n        }\n        evaluation {\n          id\n          job {\n            id\n          }\n          inferenceJob {\n            id\n          }\n        }\n        modelVersion {\n          id\n          number\n          model {\n            id\n            name\n          }\n        }\n      }\n      references {\n        source\n        microAuc\n        macroAuc\n        rbdc\n        tbdc\n        framesPerSecond\n      }\n    }\n  }\n": typeof types.LeaderboardDocument,
    "\n  query Models {\n    models {\n      id\n      name\n      createdAt\n      aliases {\n        alias\n        modelVersion {\n          id\n          number\n        }\n      }\n      versions {\n        id\n        number\n        preset\n        createdAt\n      }\n    }\n  }\n": typeof types.ModelsDocument,
    "\n  query ModelDetail($id: ID!) {\n    model(id: $id) {\n      id\n      name\n      createdAt\n      aliases {\n        alias\n        modelVersion {\n          id\n          number\n        }\n      }\n      versions {\n        id\n        number\n        preset\n        checkpointRule\n        scoreWeights {\n          teacherError\n          discrepancy\n          classifier\n          source\n          validationAuc {\n            set\n            auc\n          }\n          paperWeightsValidationAuc {\n            set\n            auc\n          }\n        }\n        parameterCount\n        gflopsPerFrame\n        config\n        trainingMetrics\n        createdAt\n        aliases\n        checkpointUrl\n        onnxUrl\n        createdBy {\n          id\n          name\n        }\n        trainingJob {\n          id\n          status\n          finishedAt\n        }\n        datasetVersion {\n          id\n          number\n          contentHash\n          summary\n          dataset {\n            id\n            name\n          }\n        }\n        evaluations {\n          id\n          protocolName\n          microAuc\n          macroAuc\n          rbdc\n          tbdc\n          eer\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.ModelDetailDocument,
    "\n  query ModelVersionRuns($modelVersionId: ID!) {\n    inferenceRuns(modelVersionId: $modelVersionId) {\n      id\n      engine\n      framesPerSecond\n      createdAt\n      video {\n        id\n        name\n        split\n      }\n    }\n  }\n": typeof types.ModelVersionRunsDocument,
    "\n  mutation PromoteModelVersion($id: ID!, $alias: String) {\n    promoteModelVersion(id: $id, alias: $alias) {\n      id\n      aliases\n    }\n  }\n": typeof types.PromoteModelVersionDocument,
    "\n  query RunViewer($runId: ID!, $protocol: String) {\n    inferenceRun(id: $runId) {\n      id\n      engine\n      framesPerSecond\n      hasMaps\n      createdAt\n      job {\n        id\n      }\n      modelVersion {\n        id\n        number\n        model {\n          id\n          name\n        }\n      }\n      video {\n        id\n        name\n        frameCount\n        width\n        height\n        fps\n        hasGroundTruth\n        abnormalIntervals\n      }\n      scoresCsvUrl(protocol: $protocol)\n      frameScores(protocol: $protocol) {\n        protocol\n        scores\n        stagesNotApplied\n        labels\n        auc\n        teacherError\n        discrepancy\n        classifier\n      }\n    }\n    protocols\n  }\n": typeof types.RunViewerDocument,
    "\n  query RunFrame($runId: ID!, $frame: Int!, $component: String, $threshold: Float) {\n    inferenceRun(id: $runId) {\n      id\n      anomalyMap(frame: $frame, component: $component, threshold: $threshold) {\n        url\n        width\n        height\n        low\n        high\n        scale\n        peak\n        regions {\n          x0\n          y0\n          x1\n          y1\n          peak\n        }\n      }\n      video {\n        id\n        frameUrl(frame: $frame)\n      }\n    }\n  }\n": typeof types.RunFrameDocument,
    "\n  query RunSiblings($modelVersionId: ID!) {\n    inferenceRuns(modelVersionId: $modelVersionId) {\n      id\n      video {\n        id\n        name\n      }\n    }\n    evaluations(modelVersionId: $modelVersionId) {\n      id\n      protocolName\n      microAuc\n      macroAuc\n      eer\n      videosSkipped\n      createdAt\n      perVideoAuc {\n        video\n        auc\n      }\n      rocCurve {\n        fpr\n        tpr\n      }\n    }\n  }\n": typeof types.RunSiblingsDocument,
    "\n  query Viewer {\n    viewer {\n      mode\n      role\n      user {\n        id\n        name\n        email\n      }\n      team {\n        id\n        name\n        slug\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      mode\n      role\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Team {\n    viewer {\n      mode\n      role\n      user {\n        id\n      }\n      team {\n        id\n        name\n        slug\n        members {\n          role\n          joinedAt\n          user {\n            id\n            name\n            email\n          }\n        }\n        apiTokens {\n          id\n          name\n          role\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.TeamDocument,
    "\n  mutation InviteMember($email: String!, $name: String!, $role: Role!, $password: String!) {\n    inviteMember(email: $email, name: $name, role: $role, password: $password) {\n      role\n      user {\n        id\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation ChangeRole($userId: ID!, $role: Role!) {\n    changeRole(userId: $userId, role: $role) {\n      role\n      user {\n        id\n      }\n    }\n  }\n": typeof types.ChangeRoleDocument,
    "\n  mutation CreateApiToken($name: String!, $role: Role) {\n    createApiToken(name: $name, role: $role) {\n      token\n      apiToken {\n        id\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
};
const documents: Documents = {
    "\n  query Datasets {\n    datasets {\n      id\n      name\n      createdAt\n      versions {\n        id\n      }\n      latestVersion {\n        id\n        number\n        summary\n        createdAt\n      }\n    }\n  }\n": types.DatasetsDocument,
    "\n  query FrameCache {\n    viewer {\n      role\n    }\n    frameCache {\n      bytes\n      budgetBytes\n    }\n  }\n": types.FrameCacheDocument,
    "\n  mutation ClearFrameCache {\n    clearFrameCache {\n      bytes\n      budgetBytes\n    }\n  }\n": types.ClearFrameCacheDocument,
    "\n  query DatasetDetail($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      createdAt\n      versions {\n        id\n        number\n        contentHash\n        format\n        summary\n        createdAt\n      }\n      latestVersion {\n        id\n        number\n        videos {\n          id\n          name\n          split\n          frameCount\n          width\n          height\n          fps\n          codec\n          sizeBytes\n          status\n          error\n          hasGroundTruth\n          hasPixelMasks\n          abnormalIntervals\n          frameUrl\n        }\n      }\n    }\n  }\n": types.DatasetDetailDocument,
    "\n  query SyntheticPreview($id: ID!, $seed: Int, $count: Int) {\n    dataset(id: $id) {\n      id\n      latestVersion {\n        id\n        number\n        syntheticPreviewUrl(seed: $seed, count: $count)\n      }\n    }\n  }\n": types.SyntheticPreviewDocument,
    "\n  mutation CreateDataset($name: String!) {\n    createDataset(name: $name) {\n      id\n      name\n    }\n  }\n": types.CreateDatasetDocument,
    "\n  mutation RenameDataset($id: ID!, $name: String!) {\n    renameDataset(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.RenameDatasetDocument,
    "\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id)\n  }\n": types.DeleteDatasetDocument,
    "\n  mutation SetFrameLabels($videoId: ID!, $labels: [Int!], $intervals: [[Int!]!]) {\n    setFrameLabels(videoId: $videoId, labels: $labels, intervals: $intervals) {\n      id\n      hasGroundTruth\n      abnormalIntervals\n    }\n  }\n": types.SetFrameLabelsDocument,
    "\n  query ImportJob($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      error\n      progress {\n        fraction\n        stage\n      }\n    }\n  }\n": types.ImportJobDocument,
    "\n  query Overview {\n    health {\n      version\n      database\n      queue\n    }\n    datasets {\n      id\n      name\n      latestVersion {\n        id\n        summary\n      }\n    }\n    models {\n      id\n      versions {\n        id\n      }\n    }\n    evaluations {\n      id\n    }\n    jobs(first: 5) {\n      totalCount\n      nodes {\n        id\n        kind\n        status\n        createdAt\n      }\n    }\n  }\n": types.OverviewDocument,
    "\n  fragment JobSummary on Job {\n    id\n    kind\n    subject\n    status\n    attempt\n    maxAttempts\n    error\n    cancelRequested\n    createdAt\n    startedAt\n    finishedAt\n    parameters\n    progress {\n      stage\n      epoch\n      epochs\n      step\n      steps\n      loss\n      framesPerSecond\n      etaSeconds\n      fraction\n    }\n    queuedBy {\n      id\n      name\n    }\n  }\n": types.JobSummaryFragmentDoc,
    "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        ...JobSummary\n      }\n    }\n  }\n": types.JobsDocument,
    "\n  subscription JobUpdates {\n    jobUpdated {\n      ...JobSummary\n    }\n  }\n": types.JobUpdatesDocument,
    "\n  fragment JobLive on Job {\n    ...JobSummary\n    lossCurve {\n      stage\n      epoch\n      globalStep\n      loss\n    }\n    epochResults {\n      stage\n      epoch\n      loss\n      validationLoss\n      seconds\n    }\n    logs(last: 200) {\n      at\n      attempt\n      level\n      message\n    }\n  }\n": types.JobLiveFragmentDoc,
    "\n  query JobDetail($id: ID!) {\n    job(id: $id) {\n      ...JobLive\n      result\n      heartbeatAt\n      inferenceRuns {\n        id\n        video {\n          id\n          name\n        }\n      }\n      modelVersion {\n        id\n        number\n        model {\n          id\n          name\n        }\n      }\n      evaluation {\n        id\n        microAuc\n        macroAuc\n      }\n    }\n  }\n": types.JobDetailDocument,
    "\n  subscription JobDetailUpdates($id: ID!) {\n    jobUpdated(id: $id) {\n      ...JobLive\n    }\n  }\n": types.JobDetailUpdatesDocument,
    "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      ...JobSummary\n    }\n  }\n": types.CancelJobDocument,
    "\n  mutation RetryJob($id: ID!) {\n    retryJob(id: $id) {\n      ...JobSummary\n    }\n  }\n": types.RetryJobDocument,
    "\n  query StartJobChoices {\n    datasets {\n      id\n      name\n      latestVersion {\n        id\n        number\n        summary\n      }\n    }\n    modelPresets {\n      name\n      description\n      intendedFor\n      teacherEpochs\n      studentEpochs\n      batchSize\n      parameterCount\n      gflopsPerFrame\n      measuredSpeed {\n        teacherFramesPerSecond\n        studentFramesPerSecond\n        trainings\n      }\n    }\n    workers {\n      backend\n      device\n      kinds\n      count\n    }\n    models {\n      id\n      name\n      versions {\n        id\n        number\n        preset\n        createdAt\n      }\n    }\n    protocols\n    jobs(filter: { kind: [INFER], status: [SUCCEEDED] }, first: 50) {\n      nodes {\n        id\n        createdAt\n        parameters\n      }\n    }\n  }\n": types.StartJobChoicesDocument,
    "\n  mutation StartTraining($input: TrainingInput!) {\n    startTraining(input: $input) {\n      id\n    }\n  }\n": types.StartTrainingDocument,
    "\n  mutation StartInference($input: InferenceInput!) {\n    startInference(input: $input) {\n      id\n    }\n  }\n": types.StartInferenceDocument,
    "\n  mutation StartEvaluation($inferenceJobId: ID!, $protocol: String) {\n    startEvaluation(inferenceJobId: $inferenceJobId, protocol: $protocol) {\n      id\n    }\n  }\n": types.StartEvaluationDocument,
    "\n  query LeaderboardChoices {\n    datasets {\n      id\n      name\n    }\n    protocols\n  }\n": types.LeaderboardChoicesDocument,
    "\n  query Leaderboard($datasetId: ID!, $metric: LeaderboardMetric, $protocol: String) {\n    leaderboard(datasetId: $datasetId, metric: $metric, protocol: $protocol) {\n      metric\n      protocol\n      csvUrl\n      dataset {\n        id\n        name\n      }\n      datasetVersion {\n        id\n        number\n        contentHash\n      }\n      rows {\n        rank\n        microAuc\n        macroAuc\n        rbdc\n        tbdc\n        framesPerSecond\n        parameterCount\n        protocolName\n        checkpointRule\n        datasetVersionNumber\n        comparable\n        createdAt\n        author {\n          id\n          name\n        }\n        evaluation {\n          id\n          job {\n            id\n          }\n          inferenceJob {\n            id\n          }\n        }\n        modelVersion {\n          id\n          number\n          model {\n            id\n            name\n          }\n        }\n      }\n      references {\n        source\n        microAuc\n        macroAuc\n        rbdc\n        tbdc\n        framesPerSecond\n      }\n    }\n  }\n": types.LeaderboardDocument,
    "\n  query Models {\n    models {\n      id\n      name\n      createdAt\n      aliases {\n        alias\n        modelVersion {\n          id\n          number\n        }\n      }\n      versions {\n        id\n        number\n        preset\n        createdAt\n      }\n    }\n  }\n": types.ModelsDocument,
    "\n  query ModelDetail($id: ID!) {\n    model(id: $id) {\n      id\n      name\n      createdAt\n      aliases {\n        alias\n        modelVersion {\n          id\n          number\n        }\n      }\n      versions {\n        id\n        number\n        preset\n        checkpointRule\n        scoreWeights {\n          teacherError\n          discrepancy\n          classifier\n          source\n          validationAuc {\n            set\n            auc\n          }\n          paperWeightsValidationAuc {\n            set\n            auc\n          }\n        }\n        parameterCount\n        gflopsPerFrame\n        config\n        trainingMetrics\n        createdAt\n        aliases\n        checkpointUrl\n        onnxUrl\n        createdBy {\n          id\n          name\n        }\n        trainingJob {\n          id\n          status\n          finishedAt\n        }\n        datasetVersion {\n          id\n          number\n          contentHash\n          summary\n          dataset {\n            id\n            name\n          }\n        }\n        evaluations {\n          id\n          protocolName\n          microAuc\n          macroAuc\n          rbdc\n          tbdc\n          eer\n          createdAt\n        }\n      }\n    }\n  }\n": types.ModelDetailDocument,
    "\n  query ModelVersionRuns($modelVersionId: ID!) {\n    inferenceRuns(modelVersionId: $modelVersionId) {\n      id\n      engine\n      framesPerSecond\n      createdAt\n      video {\n        id\n        name\n        split\n      }\n    }\n  }\n": types.ModelVersionRunsDocument,
    "\n  mutation PromoteModelVersion($id: ID!, $alias: String) {\n    promoteModelVersion(id: $id, alias: $alias) {\n      id\n      aliases\n    }\n  }\n": types.PromoteModelVersionDocument,
    "\n  query RunViewer($runId: ID!, $protocol: String) {\n    inferenceRun(id: $runId) {\n      id\n      engine\n      framesPerSecond\n      hasMaps\n      createdAt\n      job {\n        id\n      }\n      modelVersion {\n        id\n        number\n        model {\n          id\n          name\n        }\n      }\n      video {\n        id\n        name\n        frameCount\n        width\n        height\n        fps\n        hasGroundTruth\n        abnormalIntervals\n      }\n      scoresCsvUrl(protocol: $protocol)\n      frameScores(protocol: $protocol) {\n        protocol\n        scores\n        stagesNotApplied\n        labels\n        auc\n        teacherError\n        discrepancy\n        classifier\n      }\n    }\n    protocols\n  }\n": types.RunViewerDocument,
    "\n  query RunFrame($runId: ID!, $frame: Int!, $component: String, $threshold: Float) {\n    inferenceRun(id: $runId) {\n      id\n      anomalyMap(frame: $frame, component: $component, threshold: $threshold) {\n        url\n        width\n        height\n        low\n        high\n        scale\n        peak\n        regions {\n          x0\n          y0\n          x1\n          y1\n          peak\n        }\n      }\n      video {\n        id\n        frameUrl(frame: $frame)\n      }\n    }\n  }\n": types.RunFrameDocument,
    "\n  query RunSiblings($modelVersionId: ID!) {\n    inferenceRuns(modelVersionId: $modelVersionId) {\n      id\n      video {\n        id\n        name\n      }\n    }\n    evaluations(modelVersionId: $modelVersionId) {\n      id\n      protocolName\n      microAuc\n      macroAuc\n      eer\n      videosSkipped\n      createdAt\n      perVideoAuc {\n        video\n        auc\n      }\n      rocCurve {\n        fpr\n        tpr\n      }\n    }\n  }\n": types.RunSiblingsDocument,
    "\n  query Viewer {\n    viewer {\n      mode\n      role\n      user {\n        id\n        name\n        email\n      }\n      team {\n        id\n        name\n        slug\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      mode\n      role\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Team {\n    viewer {\n      mode\n      role\n      user {\n        id\n      }\n      team {\n        id\n        name\n        slug\n        members {\n          role\n          joinedAt\n          user {\n            id\n            name\n            email\n          }\n        }\n        apiTokens {\n          id\n          name\n          role\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": types.TeamDocument,
    "\n  mutation InviteMember($email: String!, $name: String!, $role: Role!, $password: String!) {\n    inviteMember(email: $email, name: $name, role: $role, password: $password) {\n      role\n      user {\n        id\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  mutation ChangeRole($userId: ID!, $role: Role!) {\n    changeRole(userId: $userId, role: $role) {\n      role\n      user {\n        id\n      }\n    }\n  }\n": types.ChangeRoleDocument,
    "\n  mutation CreateApiToken($name: String!, $role: Role) {\n    createApiToken(name: $name, role: $role) {\n      token\n      apiToken {\n        id\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiTokenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Datasets {\n    datasets {\n      id\n      name\n      createdAt\n      versions {\n        id\n      }\n      latestVersion {\n        id\n        number\n        summary\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').DatasetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FrameCache {\n    viewer {\n      role\n    }\n    frameCache {\n      bytes\n      budgetBytes\n    }\n  }\n"): typeof import('./graphql').FrameCacheDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearFrameCache {\n    clearFrameCache {\n      bytes\n      budgetBytes\n    }\n  }\n"): typeof import('./graphql').ClearFrameCacheDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetDetail($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      createdAt\n      versions {\n        id\n        number\n        contentHash\n        format\n        summary\n        createdAt\n      }\n      latestVersion {\n        id\n        number\n        videos {\n          id\n          name\n          split\n          frameCount\n          width\n          height\n          fps\n          codec\n          sizeBytes\n          status\n          error\n          hasGroundTruth\n          hasPixelMasks\n          abnormalIntervals\n          frameUrl\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DatasetDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyntheticPreview($id: ID!, $seed: Int, $count: Int) {\n    dataset(id: $id) {\n      id\n      latestVersion {\n        id\n        number\n        syntheticPreviewUrl(seed: $seed, count: $count)\n      }\n    }\n  }\n"): typeof import('./graphql').SyntheticPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDataset($name: String!) {\n    createDataset(name: $name) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').CreateDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameDataset($id: ID!, $name: String!) {\n    renameDataset(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').RenameDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDataset($id: ID!) {\n    deleteDataset(id: $id)\n  }\n"): typeof import('./graphql').DeleteDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFrameLabels($videoId: ID!, $labels: [Int!], $intervals: [[Int!]!]) {\n    setFrameLabels(videoId: $videoId, labels: $labels, intervals: $intervals) {\n      id\n      hasGroundTruth\n      abnormalIntervals\n    }\n  }\n"): typeof import('./graphql').SetFrameLabelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      error\n      progress {\n        fraction\n        stage\n      }\n    }\n  }\n"): typeof import('./graphql').ImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview {\n    health {\n      version\n      database\n      queue\n    }\n    datasets {\n      id\n      name\n      latestVersion {\n        id\n        summary\n      }\n    }\n    models {\n      id\n      versions {\n        id\n      }\n    }\n    evaluations {\n      id\n    }\n    jobs(first: 5) {\n      totalCount\n      nodes {\n        id\n        kind\n        status\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobSummary on Job {\n    id\n    kind\n    subject\n    status\n    attempt\n    maxAttempts\n    error\n    cancelRequested\n    createdAt\n    startedAt\n    finishedAt\n    parameters\n    progress {\n      stage\n      epoch\n      epochs\n      step\n      steps\n      loss\n      framesPerSecond\n      etaSeconds\n      fraction\n    }\n    queuedBy {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql').JobSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        ...JobSummary\n      }\n    }\n  }\n"): typeof import('./graphql').JobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobUpdates {\n    jobUpdated {\n      ...JobSummary\n    }\n  }\n"): typeof import('./graphql').JobUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobLive on Job {\n    ...JobSummary\n    lossCurve {\n      stage\n      epoch\n      globalStep\n      loss\n    }\n    epochResults {\n      stage\n      epoch\n      loss\n      validationLoss\n      seconds\n    }\n    logs(last: 200) {\n      at\n      attempt\n      level\n      message\n    }\n  }\n"): typeof import('./graphql').JobLiveFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobDetail($id: ID!) {\n    job(id: $id) {\n      ...JobLive\n      result\n      heartbeatAt\n      inferenceRuns {\n        id\n        video {\n          id\n          name\n        }\n      }\n      modelVersion {\n        id\n        number\n        model {\n          id\n          name\n        }\n      }\n      evaluation {\n        id\n        microAuc\n        macroAuc\n      }\n    }\n  }\n"): typeof import('./graphql').JobDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobDetailUpdates($id: ID!) {\n    jobUpdated(id: $id) {\n      ...JobLive\n    }\n  }\n"): typeof import('./graphql').JobDetailUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) {\n      ...JobSummary\n    }\n  }\n"): typeof import('./graphql').CancelJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryJob($id: ID!) {\n    retryJob(id: $id) {\n      ...JobSummary\n    }\n  }\n"): typeof import('./graphql').RetryJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartJobChoices {\n    datasets {\n      id\n      name\n      latestVersion {\n        id\n        number\n        summary\n      }\n    }\n    modelPresets {\n      name\n      description\n      intendedFor\n      teacherEpochs\n      studentEpochs\n      batchSize\n      parameterCount\n      gflopsPerFrame\n      measuredSpeed {\n        teacherFramesPerSecond\n        studentFramesPerSecond\n        trainings\n      }\n    }\n    workers {\n      backend\n      device\n      kinds\n      count\n    }\n    models {\n      id\n      name\n      versions {\n        id\n        number\n        preset\n        createdAt\n      }\n    }\n    protocols\n    jobs(filter: { kind: [INFER], status: [SUCCEEDED] }, first: 50) {\n      nodes {\n        id\n        createdAt\n        parameters\n      }\n    }\n  }\n"): typeof import('./graphql').StartJobChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTraining($input: TrainingInput!) {\n    startTraining(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').StartTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartInference($input: InferenceInput!) {\n    startInference(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').StartInferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartEvaluation($inferenceJobId: ID!, $protocol: String) {\n    startEvaluation(inferenceJobId: $inferenceJobId, protocol: $protocol) {\n      id\n    }\n  }\n"): typeof import('./graphql').StartEvaluationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderboardChoices {\n    datasets {\n      id\n      name\n    }\n    protocols\n  }\n"): typeof import('./graphql').LeaderboardChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($datasetId: ID!, $metric: LeaderboardMetric, $protocol: String) {\n    leaderboard(datasetId: $datasetId, metric: $metric, protocol: $protocol) {\n      metric\n      protocol\n      csvUrl\n      dataset {\n        id\n        name\n      }\n      datasetVersion {\n        id\n        number\n        contentHash\n      }\n      rows {\n        rank\n        microAuc\n        macroAuc\n        rbdc\n        tbdc\n        framesPerSecond\n        parameterCount\n        protocolName\n        checkpointRule\n        datasetVersionNumber\n        comparable\n        createdAt\n        author {\n          id\n          name\n        }\n        evaluation {\n          id\n          job {\n            id\n          }\n          inferenceJob {\n            id\n          }\n        }\n        modelVersion {\n          id\n          number\n          model {\n            id\n            name\n          }\n        }\n      }\n      references {\n        source\n        microAuc\n        macroAuc\n        rbdc\n        tbdc\n        framesPerSecond\n      }\n    }\n  }\n"): typeof import('./graphql').LeaderboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Models {\n    models {\n      id\n      name\n      createdAt\n      aliases {\n        alias\n        modelVersion {\n          id\n          number\n        }\n      }\n      versions {\n        id\n        number\n        preset\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').ModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelDetail($id: ID!) {\n    model(id: $id) {\n      id\n      name\n      createdAt\n      aliases {\n        alias\n        modelVersion {\n          id\n          number\n        }\n      }\n      versions {\n        id\n        number\n        preset\n        checkpointRule\n        scoreWeights {\n          teacherError\n          discrepancy\n          classifier\n          source\n          validationAuc {\n            set\n            auc\n          }\n          paperWeightsValidationAuc {\n            set\n            auc\n          }\n        }\n        parameterCount\n        gflopsPerFrame\n        config\n        trainingMetrics\n        createdAt\n        aliases\n        checkpointUrl\n        onnxUrl\n        createdBy {\n          id\n          name\n        }\n        trainingJob {\n          id\n          status\n          finishedAt\n        }\n        datasetVersion {\n          id\n          number\n          contentHash\n          summary\n          dataset {\n            id\n            name\n          }\n        }\n        evaluations {\n          id\n          protocolName\n          microAuc\n          macroAuc\n          rbdc\n          tbdc\n          eer\n          createdAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ModelDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelVersionRuns($modelVersionId: ID!) {\n    inferenceRuns(modelVersionId: $modelVersionId) {\n      id\n      engine\n      framesPerSecond\n      createdAt\n      video {\n        id\n        name\n        split\n      }\n    }\n  }\n"): typeof import('./graphql').ModelVersionRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromoteModelVersion($id: ID!, $alias: String) {\n    promoteModelVersion(id: $id, alias: $alias) {\n      id\n      aliases\n    }\n  }\n"): typeof import('./graphql').PromoteModelVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunViewer($runId: ID!, $protocol: String) {\n    inferenceRun(id: $runId) {\n      id\n      engine\n      framesPerSecond\n      hasMaps\n      createdAt\n      job {\n        id\n      }\n      modelVersion {\n        id\n        number\n        model {\n          id\n          name\n        }\n      }\n      video {\n        id\n        name\n        frameCount\n        width\n        height\n        fps\n        hasGroundTruth\n        abnormalIntervals\n      }\n      scoresCsvUrl(protocol: $protocol)\n      frameScores(protocol: $protocol) {\n        protocol\n        scores\n        stagesNotApplied\n        labels\n        auc\n        teacherError\n        discrepancy\n        classifier\n      }\n    }\n    protocols\n  }\n"): typeof import('./graphql').RunViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunFrame($runId: ID!, $frame: Int!, $component: String, $threshold: Float) {\n    inferenceRun(id: $runId) {\n      id\n      anomalyMap(frame: $frame, component: $component, threshold: $threshold) {\n        url\n        width\n        height\n        low\n        high\n        scale\n        peak\n        regions {\n          x0\n          y0\n          x1\n          y1\n          peak\n        }\n      }\n      video {\n        id\n        frameUrl(frame: $frame)\n      }\n    }\n  }\n"): typeof import('./graphql').RunFrameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunSiblings($modelVersionId: ID!) {\n    inferenceRuns(modelVersionId: $modelVersionId) {\n      id\n      video {\n        id\n        name\n      }\n    }\n    evaluations(modelVersionId: $modelVersionId) {\n      id\n      protocolName\n      microAuc\n      macroAuc\n      eer\n      videosSkipped\n      createdAt\n      perVideoAuc {\n        video\n        auc\n      }\n      rocCurve {\n        fpr\n        tpr\n      }\n    }\n  }\n"): typeof import('./graphql').RunSiblingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      mode\n      role\n      user {\n        id\n        name\n        email\n      }\n      team {\n        id\n        name\n        slug\n      }\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      mode\n      role\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team {\n    viewer {\n      mode\n      role\n      user {\n        id\n      }\n      team {\n        id\n        name\n        slug\n        members {\n          role\n          joinedAt\n          user {\n            id\n            name\n            email\n          }\n        }\n        apiTokens {\n          id\n          name\n          role\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($email: String!, $name: String!, $role: Role!, $password: String!) {\n    inviteMember(email: $email, name: $name, role: $role, password: $password) {\n      role\n      user {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').InviteMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n"): typeof import('./graphql').RemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeRole($userId: ID!, $role: Role!) {\n    changeRole(userId: $userId, role: $role) {\n      role\n      user {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').ChangeRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $role: Role) {\n    createApiToken(name: $name, role: $role) {\n      token\n      apiToken {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').RevokeApiTokenDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
