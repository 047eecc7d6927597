using System;
using System.IO;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Storage
{
    /// <summary>
    /// <see cref="IPersistentStore"/> as one file per key in a folder on a nanoFramework drive: <c>I:\</c> is the internal
    /// flash file system of the ESP32 images, <c>D:\</c> the microSD card of the STM32F769I-DISCOVERY.
    /// </summary>
    /// <remarks>
    /// <para>Replace-whole-or-nothing, which the store-and-forward queue's crash argument relies on: the value is written to
    /// <c>key.new</c> first; only when that file is complete is the old <c>key.bin</c> deleted and the new one renamed. A reset
    /// during the write leaves the old file; a reset between delete and rename leaves a complete <c>key.new</c>, which
    /// <see cref="TryRead"/> then takes.</para>
    /// <para>Keys come from the core (<c>boot</c>, <c>config</c>, <c>sf0</c>.. <c>sfh</c>): short, letters and digits, valid file
    /// names on FAT and on nanoFramework's internal file system.</para>
    /// <para>The core writes only at boot, on a config change and while messages are queued during an outage, so flash wear
    /// stays low; reads and writes here allocate (FileStream), which is why they are kept out of the steady state.</para>
    /// </remarks>
    public sealed class FlashFileStore : IPersistentStore
    {
        private const string CurrentSuffix = ".bin";
        private const string PendingSuffix = ".new";

        private readonly string _folder;
        private readonly INodeLog _log;

        /// <summary>A store in <paramref name="folder"/> (for example <c>I:\retrosense</c>), created when missing.</summary>
        public FlashFileStore(string folder, INodeLog log)
        {
            _folder = folder;
            _log = log;
        }

        /// <summary>Creates the folder; false when the drive is not there (no file system in this firmware, or no card).</summary>
        public bool Open()
        {
            try
            {
                if (!Directory.Exists(_folder))
                {
                    Directory.CreateDirectory(_folder);
                }

                return true;
            }
            catch (Exception ex)
            {
                _log.Error("store folder " + _folder + " unavailable: " + ex.Message);
                return false;
            }
        }

        public bool TryRead(string key, byte[] buffer, out int length)
        {
            length = 0;
            string path = PathFor(key, CurrentSuffix);
            try
            {
                if (!File.Exists(path))
                {
                    path = PathFor(key, PendingSuffix);
                    if (!File.Exists(path))
                    {
                        return false;
                    }
                }

                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    long size = stream.Length;
                    if (size > buffer.Length)
                    {
                        return false;
                    }

                    int read = 0;
                    while (read < size)
                    {
                        int got = stream.Read(buffer, read, (int)size - read);
                        if (got <= 0)
                        {
                            return false;
                        }

                        read += got;
                    }

                    length = read;
                    return true;
                }
            }
            catch (Exception ex)
            {
                _log.Warning("store read " + key + " failed: " + ex.Message);
                length = 0;
                return false;
            }
        }

        public bool Write(string key, byte[] buffer, int length)
        {
            string pending = PathFor(key, PendingSuffix);
            string current = PathFor(key, CurrentSuffix);
            try
            {
                using (FileStream stream = new FileStream(pending, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(buffer, 0, length);
                    stream.Flush();
                }

                if (File.Exists(current))
                {
                    File.Delete(current);
                }

                File.Move(pending, current);
                return true;
            }
            catch (Exception ex)
            {
                _log.Warning("store write " + key + " failed: " + ex.Message);
                return false;
            }
        }

        public void Delete(string key)
        {
            DeleteQuietly(PathFor(key, CurrentSuffix));
            DeleteQuietly(PathFor(key, PendingSuffix));
        }

        private string PathFor(string key, string suffix)
        {
            return Path.Combine(_folder, key + suffix);
        }

        private void DeleteQuietly(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception ex)
            {
                _log.Warning("store delete " + path + " failed: " + ex.Message);
            }
        }
    }
}
