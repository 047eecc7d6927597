using System;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// One denoised channel from all sensors: the least-squares (lightly ridge-regularised) linear map from the
/// standardised sensors to the capped RUL target, fitted on the training units only. Averaging 14 noisy sensors with
/// weights that point along the degradation gives a far smoother trend than any single one (the linear "health
/// index" of Wang et al., "A similarity-based prognostics approach for RUL estimation of engineered systems",
/// PHM 2008), and its window slopes become the model's strongest features.
/// </summary>
internal sealed class LinearHealthIndex
{
    /// <summary>Ridge term on the standardised sensors: only there to keep the normal equations well-conditioned.</summary>
    private const double RidgeLambda = 1e-3;

    private readonly double[] _weights;
    private readonly double _intercept;

    private LinearHealthIndex(double[] weights, double intercept)
    {
        _weights = weights;
        _intercept = intercept;
    }

    public static LinearHealthIndex Fit(double[][] sensors, double[] target)
    {
        var n = sensors.Length;
        var p = sensors[0].Length;
        var meanX = new double[p];
        var meanY = 0.0;
        for (var i = 0; i < n; i++)
        {
            meanY += target[i] / n;
            for (var j = 0; j < p; j++)
            {
                meanX[j] += sensors[i][j] / n;
            }
        }

        var gram = new double[p, p];
        var moment = new double[p];
        for (var i = 0; i < n; i++)
        {
            var y = target[i] - meanY;
            for (var j = 0; j < p; j++)
            {
                var xj = sensors[i][j] - meanX[j];
                moment[j] += xj * y;
                for (var k = 0; k <= j; k++)
                {
                    gram[j, k] += xj * (sensors[i][k] - meanX[k]);
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            gram[j, j] += RidgeLambda * n;
            for (var k = 0; k < j; k++)
            {
                gram[k, j] = gram[j, k];
            }
        }

        var weights = SolveSymmetric(gram, moment);
        var intercept = meanY;
        for (var j = 0; j < p; j++)
        {
            intercept -= weights[j] * meanX[j];
        }

        return new LinearHealthIndex(weights, intercept);
    }

    public double Apply(double[] sensors)
    {
        var value = _intercept;
        for (var j = 0; j < _weights.Length; j++)
        {
            value += _weights[j] * sensors[j];
        }

        return value;
    }

    /// <summary>Gaussian elimination with partial pivoting (p ≤ 21, so cost is nothing).</summary>
    private static double[] SolveSymmetric(double[,] matrix, double[] rightHandSide)
    {
        var p = rightHandSide.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])rightHandSide.Clone();
        for (var column = 0; column < p; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < p; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }

            if (pivot != column)
            {
                for (var k = 0; k < p; k++)
                {
                    (a[column, k], a[pivot, k]) = (a[pivot, k], a[column, k]);
                }

                (b[column], b[pivot]) = (b[pivot], b[column]);
            }

            for (var row = column + 1; row < p; row++)
            {
                var factor = a[row, column] / a[column, column];
                for (var k = column; k < p; k++)
                {
                    a[row, k] -= factor * a[column, k];
                }

                b[row] -= factor * b[column];
            }
        }

        var x = new double[p];
        for (var row = p - 1; row >= 0; row--)
        {
            var s = b[row];
            for (var k = row + 1; k < p; k++)
            {
                s -= a[row, k] * x[k];
            }

            x[row] = s / a[row, row];
        }

        return x;
    }
}
