namespace Retrosense.Node.Ports
{
    /// <summary>Small key-value store that survives a reset (internal flash on the devices, files on Linux).</summary>
    public interface IPersistentStore
    {
        /// <summary>Reads the value stored under <paramref name="key"/> into <paramref name="buffer"/>.</summary>
        /// <returns>False when there is no such key or it does not fit; <paramref name="length"/> is then 0.</returns>
        bool TryRead(string key, byte[] buffer, out int length);

        /// <summary>Replaces the value under <paramref name="key"/> with the first <paramref name="length"/> bytes of <paramref name="buffer"/>.</summary>
        /// <returns>False when the write failed (flash full or worn); the old value is then still in place.</returns>
        bool Write(string key, byte[] buffer, int length);

        /// <summary>Removes <paramref name="key"/> if present.</summary>
        void Delete(string key);
    }
}
