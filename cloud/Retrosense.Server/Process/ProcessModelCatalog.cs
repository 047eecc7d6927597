using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Analytics.Process;

namespace Retrosense.Server.ProcessOptimization;

/// <summary>
/// The process models on disk, one folder per tenant and asset ({root}/{tenant}/{asset}/process-model.json). A model is
/// loaded on first use and again when its metadata file changes, so a retrained model takes effect without a restart.
/// </summary>
public sealed class ProcessModelCatalog
{
    private readonly ConcurrentDictionary<string, (DateTime WrittenUtc, ProcessModel Model)> _loaded = new(StringComparer.Ordinal);

    public ProcessModelCatalog(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string FolderOf(string tenantId, string assetId) => Path.Combine(Root, tenantId, assetId);

    /// <summary>Every (tenant, asset) that has a model folder.</summary>
    public IReadOnlyList<(string TenantId, string AssetId)> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Root)
            .SelectMany(tenant => Directory.EnumerateDirectories(tenant).Select(asset => (Path.GetFileName(tenant), Path.GetFileName(asset))))
            .Where(pair => File.Exists(Path.Combine(FolderOf(pair.Item1, pair.Item2), ProcessModelPackage.MetadataFileName)))
            .OrderBy(pair => pair.Item1, StringComparer.Ordinal).ThenBy(pair => pair.Item2, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The asset's model, or null when it has none.</summary>
    public async Task<ProcessModel?> FindAsync(string tenantId, string assetId, CancellationToken cancellationToken)
    {
        if (tenantId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || assetId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || assetId is "." or "..")
        {
            return null;
        }

        var folder = FolderOf(tenantId, assetId);
        var metadata = Path.Combine(folder, ProcessModelPackage.MetadataFileName);
        if (!File.Exists(metadata))
        {
            return null;
        }

        var written = File.GetLastWriteTimeUtc(metadata);
        if (_loaded.TryGetValue(folder, out var cached) && cached.WrittenUtc == written)
        {
            return cached.Model;
        }

        var model = await ProcessModelPackage.LoadAsync(folder, cancellationToken).ConfigureAwait(false);
        _loaded[folder] = (written, model);
        return model;
    }
}
