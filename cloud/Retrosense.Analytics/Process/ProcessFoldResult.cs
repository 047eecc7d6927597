namespace Retrosense.Analytics.Process;

/// <summary>One cross-validation fold: its held-out rows and lots, the model's error on them, and the error of predicting the training folds' mean.</summary>
public sealed record ProcessFoldResult(int Fold, int TestRows, int TestGroups, double Rmse, double Mae, double? R2, double BaselineRmse);
