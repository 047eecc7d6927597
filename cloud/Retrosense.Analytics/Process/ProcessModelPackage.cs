using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Analytics.Process;

/// <summary>
/// A process model on disk: a folder holding <c>process-model.json</c> (<see cref="ProcessModelMetadata"/>) and one
/// ML.NET model zip per ensemble member (<c>member-0.zip</c> …). A folder, not one zip, so an engineer can read the
/// metadata and the report without tools.
/// </summary>
public static class ProcessModelPackage
{
    public const string MetadataFileName = "process-model.json";

    public static async Task SaveAsync(ProcessModel model, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(directory);
        for (var k = 0; k < model.Members.Count; k++)
        {
            var memberPath = Path.Combine(directory, model.Metadata.MemberFiles[k]);
            await using var stream = File.Create(memberPath);
            model.Members[k].Save(stream);
        }

        var metadataPath = Path.Combine(directory, MetadataFileName);
        await using var metadataStream = File.Create(metadataPath);
        await JsonSerializer.SerializeAsync(metadataStream, model.Metadata, ProcessJson.Options, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ProcessModel> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var metadataPath = Path.Combine(directory, MetadataFileName);
        if (!File.Exists(metadataPath))
        {
            throw new ProcessInputException($"{directory} is not a process model folder: {MetadataFileName} is missing");
        }

        ProcessModelMetadata? metadata;
        await using (var stream = File.OpenRead(metadataPath))
        {
            try
            {
                metadata = await JsonSerializer.DeserializeAsync<ProcessModelMetadata>(stream, ProcessJson.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                throw new ProcessInputException($"{metadataPath} is not valid process model metadata: {exception.Message}", exception);
            }
        }

        if (metadata is null || metadata.Kind != ProcessModelMetadata.ProcessKind || metadata.FormatVersion != ProcessModelMetadata.CurrentFormatVersion)
        {
            throw new ProcessInputException($"{metadataPath} is not a version {ProcessModelMetadata.CurrentFormatVersion} process model");
        }

        var featureCount = metadata.Statistics.Count;
        var members = metadata.MemberFiles.Select(file =>
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                throw new ProcessInputException($"{directory}: ensemble member {file} is missing");
            }

            using var stream = File.OpenRead(path);
            return ProcessRegressor.Load(stream, featureCount, metadata.Seed);
        }).ToArray();
        return new ProcessModel(metadata, members);
    }
}
