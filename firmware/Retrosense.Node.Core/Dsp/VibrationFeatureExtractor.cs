using Retrosense.Node.Configuration;

namespace Retrosense.Node.Dsp
{
    /// <summary>
    /// Computes the per-axis vibration features of one window: time-domain statistics, velocity RMS, band RMS, dominant
    /// frequency and the envelope (demodulation) features at the bearing defect frequencies. Everything is allocated in the
    /// constructor — one float[N] working buffer and the FFT's quarter-wave sine table — and <see cref="Compute"/> allocates
    /// nothing. Built once per applied <see cref="NodeConfig"/>; not thread-safe (one buffer).
    /// <para>
    /// Per axis, in one buffer: (1) the mean-removed samples in g are written while the central moments are summed;
    /// (2) one real FFT (rectangular window); (3) the spectral features read the Hann-windowed spectrum, formed on the fly as
    /// the three-tap convolution H[k] = X[k]/2 − (X[k−1] + X[k+1])/4 (the periodic Hann window's DFT; F. J. Harris,
    /// "On the use of windows for harmonic analysis with the discrete Fourier transform", Proc. IEEE 66 (1978), eq. 30),
    /// so the same unwindowed spectrum then feeds (4) the envelope: its envelope-band bins are shifted down to bin 0 (complex
    /// demodulation), zero-padded to M = next power of two, inverse-FFT'd into the analytic band-passed signal at M·fs/N,
    /// replaced by its magnitude (the envelope), mean-removed, Hann-windowed and real-FFT'd again (resolution fs/N).
    /// </para>
    /// </summary>
    public sealed class VibrationFeatureExtractor
    {
        /// <summary>Standard acceleration of gravity, m/s² per g (3rd CGPM 1901; ISO 80000-3:2019, item 3-9.1).</summary>
        public const float StandardGravityMetresPerSecondSquared = 9.80665f;

        /// <summary>Highest frequency of the envelope band as a fraction of the sample rate, below the anti-alias roll-off.</summary>
        public const float EnvelopeBandMaxFractionOfSampleRate = 0.45f;

        /// <summary>Defect harmonics 1..this are summed in the envelope features.</summary>
        public const int DefectHarmonicCount = 3;

        /// <summary>Half-width of the search window around each defect harmonic, as a fraction of that harmonic (slip is 1–2 %).</summary>
        public const float DefectSearchFraction = 0.03f;

        /// <summary>Minimum half-width of the search window around each defect harmonic, in envelope-spectrum bins (the Hann main lobe).</summary>
        public const int DefectSearchMinimumBins = 2;

        // Blocks of this many samples are summed before adding to the running totals, so float sums of long windows stay accurate.
        private const int MomentBlockSamples = 256;

        private readonly int _sampleCount;
        private readonly float _configuredSampleRateHz;
        private readonly float[] _buffer;
        private readonly RealFft _fft;
        private readonly float _velocityBandLowHz;
        private readonly float _velocityBandHighHz;
        private readonly float _envelopeBandLowHz;
        private readonly float _envelopeBandHighHz;
        private readonly FrequencyBand[] _bands;
        private readonly bool _hasDefectFrequencies;
        private readonly float _ballPassOuterRaceHz;
        private readonly float _ballPassInnerRaceHz;
        private readonly float _ballSpinHz;
        private readonly float _fundamentalTrainHz;

        /// <summary>Preallocates the buffers for the configuration's window length (a power of two, at least 16).</summary>
        public VibrationFeatureExtractor(NodeConfig config)
        {
            if (config == null)
            {
                throw new System.ArgumentNullException(nameof(config));
            }

            if (config.WindowSamples < 16 || !RealFft.IsPowerOfTwo(config.WindowSamples))
            {
                throw new System.ArgumentOutOfRangeException(nameof(config), "WindowSamples must be a power of two of at least 16");
            }

            _sampleCount = config.WindowSamples;
            _configuredSampleRateHz = config.SampleRateHz;
            _buffer = new float[_sampleCount];
            _fft = new RealFft(_sampleCount);
            _velocityBandLowHz = config.VelocityBandLowHz;
            _velocityBandHighHz = config.VelocityBandHighHz;
            _envelopeBandLowHz = config.EnvelopeBandLowHz;
            _envelopeBandHighHz = config.EnvelopeBandHighHz;
            _bands = config.Bands == null ? new FrequencyBand[0] : config.Bands;

            var bearing = config.Bearing;
            var shaftHz = config.ShaftSpeedRpm / 60f;
            _hasDefectFrequencies = bearing != null && shaftHz > 0f;
            if (bearing != null && _hasDefectFrequencies)
            {
                _ballPassOuterRaceHz = BearingDefectFrequencies.BallPassOuterRaceHz(bearing, shaftHz);
                _ballPassInnerRaceHz = BearingDefectFrequencies.BallPassInnerRaceHz(bearing, shaftHz);
                _ballSpinHz = BearingDefectFrequencies.BallSpinHz(bearing, shaftHz);
                _fundamentalTrainHz = BearingDefectFrequencies.FundamentalTrainHz(bearing, shaftHz);
            }
        }

        /// <summary>Samples per axis the extractor expects (the configuration's window length).</summary>
        public int SampleCount { get { return _sampleCount; } }

        /// <summary>Number of configured bands; a <see cref="VibrationFeatures"/> passed in must have at least as many.</summary>
        public int BandCount { get { return _bands.Length; } }

        /// <summary>
        /// Bytes of the arrays this extractor owns: the float[N] working buffer and the FFT's sine table (N/4 + 1 floats).
        /// The node's whole DSP memory is this plus the window's three short[N] arrays (6·N bytes, see
        /// <see cref="AccelerationWindow"/>): for N = 4096, 20,484 + 24,576 = 45,060 bytes, within a 48 KiB budget.
        /// Object headers and the small feature objects add a few hundred bytes more.
        /// </summary>
        public int PreallocatedBytes { get { return (_buffer.Length * 4) + _fft.TableBytes; } }

        /// <summary>
        /// Fills <paramref name="result"/> with the features of all three axes of a complete window. Uses the window's sample
        /// rate when it is set, else the configured one. Allocates nothing.
        /// </summary>
        public void Compute(AccelerationWindow window, VibrationFeatures result)
        {
            if (window.Count != _sampleCount)
            {
                throw new System.ArgumentException("window must hold exactly WindowSamples samples", nameof(window));
            }

            if (result.X.BandRmsG.Length < _bands.Length)
            {
                throw new System.ArgumentException("features must have room for every configured band", nameof(result));
            }

            var sampleRateHz = window.SampleRateHz > 0f ? window.SampleRateHz : _configuredSampleRateHz;
            result.SampleRateHz = sampleRateHz;
            result.SampleCount = _sampleCount;
            ComputeAxis(window.X, window.GPerCount, sampleRateHz, result.X);
            ComputeAxis(window.Y, window.GPerCount, sampleRateHz, result.Y);
            ComputeAxis(window.Z, window.GPerCount, sampleRateHz, result.Z);
        }

        private void ComputeAxis(short[] counts, float gPerCount, float sampleRateHz, AxisFeatures axis)
        {
            ComputeTimeDomain(counts, gPerCount, axis);
            _fft.ForwardReal(_buffer, _sampleCount);
            var binHz = sampleRateHz / _sampleCount;
            axis.VelocityRmsMmPerSecond = VelocityRmsMmPerSecond(binHz);
            axis.DominantFrequencyHz = DominantFrequencyHz(binHz);
            for (var band = 0; band < _bands.Length; band++)
            {
                axis.BandRmsG[band] = BandRmsG(_bands[band].LowHz, _bands[band].HighHz, binHz);
            }

            ComputeEnvelope(sampleRateHz, binHz, axis);
        }

        // Two passes for float accuracy: the exact (long) mean first, then central moments of the deviations, which are
        // also written, in g, into the FFT buffer.
        private void ComputeTimeDomain(short[] counts, float gPerCount, AxisFeatures axis)
        {
            var n = _sampleCount;
            long sum = 0;
            int min = counts[0];
            int max = counts[0];
            for (var i = 0; i < n; i++)
            {
                int value = counts[i];
                sum += value;
                if (value < min)
                {
                    min = value;
                }

                if (value > max)
                {
                    max = value;
                }
            }

            var meanCounts = (float)sum / n;
            float sum2 = 0f;
            float sum3 = 0f;
            float sum4 = 0f;
            for (var start = 0; start < n; start += MomentBlockSamples)
            {
                var end = start + MomentBlockSamples;
                if (end > n)
                {
                    end = n;
                }

                float block2 = 0f;
                float block3 = 0f;
                float block4 = 0f;
                for (var i = start; i < end; i++)
                {
                    var deviation = counts[i] - meanCounts;
                    _buffer[i] = deviation * gPerCount;
                    var squared = deviation * deviation;
                    block2 += squared;
                    block3 += squared * deviation;
                    block4 += squared * squared;
                }

                sum2 += block2;
                sum3 += block3;
                sum4 += block4;
            }

            var moment2 = sum2 / n;
            var moment3 = sum3 / n;
            var moment4 = sum4 / n;
            var rmsCounts = FloatMath.Sqrt(moment2);
            var peakCounts = max - meanCounts;
            if (meanCounts - min > peakCounts)
            {
                peakCounts = meanCounts - min;
            }

            axis.RmsG = rmsCounts * gPerCount;
            axis.PeakG = peakCounts * gPerCount;
            axis.PeakToPeakG = (max - min) * gPerCount;
            if (moment2 > 0f)
            {
                axis.CrestFactor = peakCounts / rmsCounts;
                axis.Kurtosis = moment4 / (moment2 * moment2);
                axis.Skewness = moment3 / (moment2 * rmsCounts);
            }
            else
            {
                axis.CrestFactor = 0f;
                axis.Kurtosis = 0f;
                axis.Skewness = 0f;
            }
        }

        // |H[k]|² of the Hann-windowed spectrum at bin 0 < k < N/2, from the packed unwindowed real FFT in the buffer.
        private float HannPower(int k)
        {
            var data = _buffer;
            var index = 2 * k;
            float leftRe;
            float leftIm;
            float rightRe;
            float rightIm;
            if (k == 1)
            {
                leftRe = data[0];
                leftIm = 0f;
            }
            else
            {
                leftRe = data[index - 2];
                leftIm = data[index - 1];
            }

            if (k == (_sampleCount / 2) - 1)
            {
                rightRe = data[1];
                rightIm = 0f;
            }
            else
            {
                rightRe = data[index + 2];
                rightIm = data[index + 3];
            }

            var re = (0.5f * data[index]) - (0.25f * (leftRe + rightRe));
            var im = (0.5f * data[index + 1]) - (0.25f * (leftIm + rightIm));
            return (re * re) + (im * im);
        }

        // Mean square per unit of summed |H[k]|² over one-sided bins: 2 / (N·Σw²), with Σw² = 3N/8 for the periodic Hann window.
        private static float HannMeanSquarePerPower(int length)
        {
            var n = (float)length;
            return 16f / (3f * n * n);
        }

        private int FirstBin(float lowHz, float binHz)
        {
            var bin = FloatMath.CeilingToInt(lowHz / binHz);
            return bin < 1 ? 1 : bin;
        }

        private int LastBin(float highHz, float binHz)
        {
            var bin = FloatMath.FloorToInt(highHz / binHz);
            var last = (_sampleCount / 2) - 1;
            return bin > last ? last : bin;
        }

        // Each bin's acceleration (g → m/s²) divided by 2πf gives velocity; powers summed over the band, Hann-normalised.
        private float VelocityRmsMmPerSecond(float binHz)
        {
            var first = FirstBin(_velocityBandLowHz, binHz);
            var last = LastBin(_velocityBandHighHz, binHz);
            float weighted = 0f;
            for (var k = first; k <= last; k++)
            {
                weighted += HannPower(k) / ((float)k * k);
            }

            var meanSquareGPerHz = HannMeanSquarePerPower(_sampleCount) * weighted;
            return FloatMath.Sqrt(meanSquareGPerHz) * (StandardGravityMetresPerSecondSquared * 1000f / (FloatMath.TwoPi * binHz));
        }

        private float BandRmsG(float lowHz, float highHz, float binHz)
        {
            var first = FirstBin(lowHz, binHz);
            var last = LastBin(highHz, binHz);
            float power = 0f;
            for (var k = first; k <= last; k++)
            {
                power += HannPower(k);
            }

            return FloatMath.Sqrt(HannMeanSquarePerPower(_sampleCount) * power);
        }

        // Largest Hann bin at or above the velocity band's low edge, refined with the Hann window's exact two-bin ratio:
        // for a tone δ bins beyond bin k, |H[k+1]|/|H[k]| = (1+δ)/(2−δ), so δ = (2α−1)/(1+α) (D. Grandke, "Interpolation
        // algorithms for discrete Fourier transforms of weighted signals", IEEE Trans. Instrum. Meas. 32 (1983) 350–355).
        private float DominantFrequencyHz(float binHz)
        {
            var first = FirstBin(_velocityBandLowHz, binHz);
            var last = (_sampleCount / 2) - 1;
            if (first > last)
            {
                return 0f;
            }

            var peakBin = first;
            var peakPower = HannPower(first);
            for (var k = first + 1; k <= last; k++)
            {
                var power = HannPower(k);
                if (power > peakPower)
                {
                    peakPower = power;
                    peakBin = k;
                }
            }

            if (!(peakPower > 0f))
            {
                return 0f;
            }

            var left = peakBin > 1 ? FloatMath.Sqrt(HannPower(peakBin - 1)) : 0f;
            var right = peakBin < last ? FloatMath.Sqrt(HannPower(peakBin + 1)) : 0f;
            var centre = FloatMath.Sqrt(peakPower);
            var larger = right >= left ? right : left;
            var ratio = larger / centre;
            var offset = ((2f * ratio) - 1f) / (1f + ratio);
            if (offset < 0f)
            {
                offset = 0f;
            }

            return (right >= left ? peakBin + offset : peakBin - offset) * binHz;
        }

        private void ComputeEnvelope(float sampleRateHz, float binHz, AxisFeatures axis)
        {
            axis.EnvelopeRmsG = 0f;
            axis.EnvelopeBpfoG = 0f;
            axis.EnvelopeBpfiG = 0f;
            axis.EnvelopeBsfG = 0f;
            axis.EnvelopeFtfG = 0f;

            var highHz = _envelopeBandHighHz;
            var ceilingHz = EnvelopeBandMaxFractionOfSampleRate * sampleRateHz;
            if (highHz > ceilingHz)
            {
                highHz = ceilingHz;
            }

            var first = FirstBin(_envelopeBandLowHz, binHz);
            var last = LastBin(highHz, binHz);
            var bandBins = last - first + 1;
            if (bandBins < 2)
            {
                return;
            }

            var length = 4;
            while (length < bandBins)
            {
                length <<= 1;
            }

            if (length > _sampleCount / 2)
            {
                length = _sampleCount / 2;
                bandBins = length;
            }

            // Complex demodulation: move bins first..last to 0..bandBins−1 (destination never overtakes source since first ≥ 1),
            // zero the rest, and inverse-FFT to the analytic signal of the band, decimated to `length` samples.
            var data = _buffer;
            for (var j = 0; j < bandBins; j++)
            {
                data[2 * j] = data[2 * (first + j)];
                data[(2 * j) + 1] = data[(2 * (first + j)) + 1];
            }

            for (var i = 2 * bandBins; i < 2 * length; i++)
            {
                data[i] = 0f;
            }

            _fft.InverseComplex(data, length);

            // A band-passed component A·cos(…) has |X[k]| = A·N/2, so the envelope in g is |z|·2/N. Magnitudes go to data[m],
            // which has already been read (m ≤ 2m).
            var envelopeScale = 2f / _sampleCount;
            float envelopeSum = 0f;
            for (var m = 0; m < length; m++)
            {
                var re = data[2 * m];
                var im = data[(2 * m) + 1];
                var magnitude = FloatMath.Sqrt((re * re) + (im * im)) * envelopeScale;
                data[m] = magnitude;
                envelopeSum += magnitude;
            }

            var envelopeMean = envelopeSum / length;
            float envelopeSquares = 0f;
            var tableStep = _sampleCount / length;
            for (var m = 0; m < length; m++)
            {
                var deviation = data[m] - envelopeMean;
                envelopeSquares += deviation * deviation;

                // Periodic Hann window of length `length`: 0.5 − 0.5·cos(2πm/length).
                data[m] = deviation * (0.5f - (0.5f * _fft.CosOfStep(m * tableStep)));
            }

            axis.EnvelopeRmsG = FloatMath.Sqrt(envelopeSquares / length);
            if (!_hasDefectFrequencies)
            {
                return;
            }

            // Envelope spectrum: `length` samples at length·fs/N, so bin j is j·fs/N, the same resolution as the signal spectrum.
            _fft.ForwardReal(data, length);
            axis.EnvelopeBpfoG = DefectRmsG(_ballPassOuterRaceHz, binHz, length);
            axis.EnvelopeBpfiG = DefectRmsG(_ballPassInnerRaceHz, binHz, length);
            axis.EnvelopeBsfG = DefectRmsG(_ballSpinHz, binHz, length);
            axis.EnvelopeFtfG = DefectRmsG(_fundamentalTrainHz, binHz, length);
        }

        // RMS (g) of the envelope-spectrum content within ±max(2 bins, 3 %) of harmonics 1..3 of a defect frequency: an
        // envelope modulated as B·cos(2π·f·t) at the defect frequency f gives B/√2. Bins are counted once even where windows meet.
        private float DefectRmsG(float defectHz, float binHz, int length)
        {
            var data = _buffer;
            var lastBin = (length / 2) - 1;
            var previousEnd = 0;
            float power = 0f;
            for (var harmonic = 1; harmonic <= DefectHarmonicCount; harmonic++)
            {
                var centreHz = harmonic * defectHz;
                var halfWidthHz = DefectSearchFraction * centreHz;
                if (halfWidthHz < DefectSearchMinimumBins * binHz)
                {
                    halfWidthHz = DefectSearchMinimumBins * binHz;
                }

                var start = FloatMath.CeilingToInt((centreHz - halfWidthHz) / binHz);
                var end = FloatMath.FloorToInt((centreHz + halfWidthHz) / binHz);
                if (start <= previousEnd)
                {
                    start = previousEnd + 1;
                }

                if (end > lastBin)
                {
                    end = lastBin;
                }

                for (var j = start; j <= end; j++)
                {
                    var re = data[2 * j];
                    var im = data[(2 * j) + 1];
                    power += (re * re) + (im * im);
                }

                if (end > previousEnd)
                {
                    previousEnd = end;
                }
            }

            return FloatMath.Sqrt(HannMeanSquarePerPower(length) * power);
        }
    }
}
