using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Retrosense.Analytics.Training;

/// <summary>
/// An in-memory <see cref="IDataView"/> over column arrays whose names and count are only known at run time (a
/// company's CSV): single-precision numbers, text, booleans and key-typed labels. ML.NET's <c>LoadFromEnumerable</c>
/// needs a compile-time row class, and its text loader would re-read a file the loader has already checked.
/// </summary>
internal sealed class ColumnarDataView : IDataView
{
    private readonly Array[] _columns;
    private readonly int _rowCount;

    private ColumnarDataView(DataViewSchema schema, Array[] columns, int rowCount)
    {
        Schema = schema;
        _columns = columns;
        _rowCount = rowCount;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    /// <summary>Collects columns, then <see cref="Build"/>s the view; every column must have the same length.</summary>
    public sealed class Builder
    {
        private readonly DataViewSchema.Builder _schema = new();
        private readonly List<Array> _columns = [];
        private int? _rowCount;

        public Builder AddSingles(string name, float[] values) => Add(name, NumberDataViewType.Single, values);

        public Builder AddBooleans(string name, bool[] values) => Add(name, BooleanDataViewType.Instance, values);

        /// <summary>Text cells; null (missing) becomes empty text, which one-hot encoding maps to no category.</summary>
        public Builder AddTexts(string name, string?[] values) =>
            Add(name, TextDataViewType.Instance, values.Select(value => (value ?? string.Empty).AsMemory()).ToArray());

        /// <summary>Class indices 0..count−1 as an ML.NET key column (keys are 1-based, 0 meaning missing).</summary>
        public Builder AddKeys(string name, int[] classIndices, int classCount) =>
            Add(name, new KeyDataViewType(typeof(uint), classCount), classIndices.Select(index => (uint)(index + 1)).ToArray());

        public ColumnarDataView Build() => new(_schema.ToSchema(), _columns.ToArray(), _rowCount ?? 0);

        private Builder Add(string name, DataViewType type, Array values)
        {
            if (_rowCount is { } count && count != values.Length)
            {
                throw new ArgumentException($"column '{name}' has {values.Length} rows, the others {count}");
            }

            _rowCount = values.Length;
            _schema.AddColumn(name, type);
            _columns.Add(values);
            return this;
        }
    }

    private sealed class Cursor(ColumnarDataView view) : DataViewRowCursor
    {
        private long _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext()
        {
            if (_position + 1 >= view._rowCount)
            {
                _position = view._rowCount;
                return false;
            }

            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (view._columns[column.Index] is not TValue[] values)
            {
                throw new InvalidOperationException($"column '{column.Name}' is {view._columns[column.Index].GetType().GetElementType()?.Name}, not {typeof(TValue).Name}");
            }

            return (ref TValue value) => value = values[_position];
        }
    }
}
