using EcomRules.Commands;
using EcomRules.PostgreSql.Internal;
using Npgsql;

namespace EcomRules.PostgreSql;

/// <content>Saving a change set in one round trip and one transaction.</content>
public sealed partial class PostgreSqlEcomStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The change set writes the same aggregate twice.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing was saved.</exception>
    /// <exception cref="NotSupportedException">A state or event type is not known to the serializer; nothing was saved.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or refused the change set; nothing was saved.</exception>
    public async ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var writes = InLockOrder(changes);
        var rented = await _connections.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveAsync(rented.Connection, changes, writes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _connections.ReturnAsync(rented).ConfigureAwait(false);
        }
    }

    /// <summary>The aggregate writes in one global order (kind, then ID), so two change sets writing the same aggregates cannot deadlock.</summary>
    private static AggregateWrite[] InLockOrder(ChangeSet changes)
    {
        var writes = changes.Writes.ToArray();
        Array.Sort(writes, static (a, b) =>
        {
            var byKind = string.CompareOrdinal(a.Key.Kind, b.Key.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(a.Key.Id, b.Key.Id);
        });
        for (var i = 1; i < writes.Length; i++)
        {
            if (writes[i].Key == writes[i - 1].Key)
            {
                throw new ArgumentException($"The change set writes {writes[i].Key} twice.", nameof(changes));
            }
        }

        return writes;
    }

    private async ValueTask SaveAsync(NpgsqlConnection connection, ChangeSet changes, AggregateWrite[] writes, CancellationToken cancellationToken)
    {
        // Without an explicit transaction, PostgreSQL runs the batch as one implicit transaction: all or nothing.
        var batch = BuildSaveBatch(connection, changes, writes);
        await using (batch.ConfigureAwait(false))
        {
            PostgresException conflict;
            try
            {
                // Prepared once per physical connection (a no-op afterwards): no parse or plan per save.
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (string.Equals(e.SqlState, PostgreSqlErrors.UniqueViolation, StringComparison.Ordinal)
                && string.Equals(e.ConstraintName, PostgreSqlErrors.CommandsPrimaryKey, StringComparison.Ordinal))
            {
                throw new DuplicateCommandException(changes.Record.CommandId);
            }
            catch (PostgresException e) when (PostgreSqlErrors.IsVersionConflict(e))
            {
                conflict = e;
            }

            // The batch rolled back. Writes run in key order, so the first aggregate whose version is not the
            // expected one is the conflict (versions only grow: it still differs, perhaps by more).
            foreach (var write in writes)
            {
                var actual = await ReadVersionAsync(connection, write.Key, cancellationToken).ConfigureAwait(false);
                if (actual != write.ExpectedVersion)
                {
                    throw new ConcurrencyConflictException(write.Key, write.ExpectedVersion, actual);
                }
            }

            throw new InvalidOperationException("PostgreSQL reported a version conflict, yet every aggregate of the change set is at its expected version.", conflict);
        }
    }

    private NpgsqlBatch BuildSaveBatch(NpgsqlConnection connection, ChangeSet changes, AggregateWrite[] writes)
    {
        var batch = new NpgsqlBatch(connection);
        try
        {
            var record = changes.Record;
            var timers = LastPerTimer(changes.Timers);
            var parts = PartsOf(changes, timers);
            if (writes.Length <= 1 && (writes.Length == 1 || parts != RestParts.None))
            {
                // The usual change set (one aggregate) in one statement.
                var write = writes.Length == 0 ? SingleWrite.None : writes[0].ExpectedVersion == 0 ? SingleWrite.Insert : SingleWrite.Update;
                var statement = new NpgsqlBatchCommand(_sql.SaveOne(write, parts));
                AddRecord(statement.Parameters, record);
                if (writes.Length == 1)
                {
                    AddWrite(statement.Parameters, writes[0]);
                }

                AddRest(statement.Parameters, changes, timers);
                batch.BatchCommands.Add(statement);
                return batch;
            }

            // The idempotency record goes first: a duplicate command ID fails before anything else is written.
            var insertCommand = new NpgsqlBatchCommand(_sql.InsertCommand);
            AddRecord(insertCommand.Parameters, record);
            batch.BatchCommands.Add(insertCommand);

            // Then the aggregates, in key order (SaveAsync's conflict handling relies on this order).
            foreach (var write in writes)
            {
                var statement = new NpgsqlBatchCommand(write.ExpectedVersion == 0 ? _sql.InsertAggregate : _sql.UpdateAggregate);
                AddWrite(statement.Parameters, write);
                batch.BatchCommands.Add(statement);
            }

            if (parts != RestParts.None)
            {
                var rest = new NpgsqlBatchCommand(_sql.WriteRest(parts));
                AddRest(rest.Parameters, changes, timers);
                batch.BatchCommands.Add(rest);
            }

            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private static RestParts PartsOf(ChangeSet changes, TimerRequest[] timers)
    {
        var scheduled = 0;
        foreach (var request in timers)
        {
            scheduled += request.DueAt is null ? 0 : 1;
        }

        return (changes.Audit.Count > 0 ? RestParts.Audit : RestParts.None)
            | (changes.Outbox.Count > 0 ? RestParts.Outbox : RestParts.None)
            | (scheduled > 0 ? RestParts.ScheduleTimers : RestParts.None)
            | (scheduled < timers.Length ? RestParts.CancelTimers : RestParts.None);
    }

    private static void AddRecord(NpgsqlParameterCollection parameters, IdempotencyRecord record)
    {
        parameters.Add(Text(record.CommandId.Value));
        parameters.Add(Text(record.Fingerprint));
        parameters.Add(Text(record.Target.Kind));
        parameters.Add(Text(record.Target.Id));
        parameters.Add(Value((short)record.Status));
        parameters.Add(Value((short)record.Code));
        parameters.Add(NullableText(record.RuleId.IsEmpty ? null : record.RuleId.Value));
        parameters.Add(Text(record.Reason));
        parameters.Add(Value(record.Version));
    }

    /// <summary>Kind, ID, (expected version when above 0,) state: as <see cref="PostgreSqlStatements.InsertAggregate"/> and <see cref="PostgreSqlStatements.UpdateAggregate"/> number them.</summary>
    private void AddWrite(NpgsqlParameterCollection parameters, AggregateWrite write)
    {
        parameters.Add(Text(write.Key.Kind));
        parameters.Add(Text(write.Key.Id));
        if (write.ExpectedVersion != 0)
        {
            parameters.Add(Value(write.ExpectedVersion));
        }

        parameters.Add(Text(_serializer.SerializeAggregate(write.State)));
    }

    /// <summary>The audit entries, outbox messages and timers of a change set, each column an array, the parts it lacks left out.</summary>
    private void AddRest(NpgsqlParameterCollection parameters, ChangeSet changes, TimerRequest[] timers)
    {
        var audit = changes.Audit;
        var outbox = changes.Outbox;
        var scheduled = 0;
        foreach (var request in timers)
        {
            scheduled += request.DueAt is null ? 0 : 1;
        }

        if (audit.Count > 0)
        {
            AddAudit(parameters, audit);
        }

        if (outbox.Count > 0)
        {
            var count = outbox.Count;
            var keys = new string[count];
            var events = new string[count];
            var createdAts = new DateTime[count];
            for (var i = 0; i < count; i++)
            {
                var message = outbox[i];
                keys[i] = message.IdempotencyKey;
                events[i] = _serializer.SerializeEvent(message.Event);
                createdAts[i] = message.CreatedAt.ToDateTimeUtc();
            }

            parameters.Add(TextArray(keys));
            parameters.Add(TextArray(events));
            parameters.Add(TimestampArray(createdAts));
        }

        if (scheduled > 0)
        {
            var ids = new string[scheduled];
            var targetKinds = new string[scheduled];
            var targetIds = new string[scheduled];
            var kinds = new string[scheduled];
            var dues = new DateTime[scheduled];
            var next = 0;
            foreach (var request in timers)
            {
                if (request.DueAt is { } due)
                {
                    ids[next] = request.TimerId;
                    targetKinds[next] = request.Target.Kind;
                    targetIds[next] = request.Target.Id;
                    kinds[next] = request.Kind;
                    // Rounded up to timestamptz's microsecond: a timer fires at or after its instant, never before it, and
                    // the command it fires (dated its due instant) finds its deadline passed.
                    dues[next] = CeilingMicrosecond(due).ToDateTimeUtc();
                    next++;
                }
            }

            parameters.Add(TextArray(ids));
            parameters.Add(TextArray(targetKinds));
            parameters.Add(TextArray(targetIds));
            parameters.Add(TextArray(kinds));
            parameters.Add(TimestampArray(dues));
        }

        if (scheduled < timers.Length)
        {
            var cancelled = new string[timers.Length - scheduled];
            var next = 0;
            foreach (var request in timers)
            {
                if (request.DueAt is null)
                {
                    cancelled[next++] = request.TimerId;
                }
            }

            parameters.Add(TextArray(cancelled));
        }
    }

    /// <summary>The last request of each timer ID, in timer ID order (so concurrent saves lock timers in one order).</summary>
    private static TimerRequest[] LastPerTimer(IReadOnlyList<TimerRequest> requests)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var last = new List<TimerRequest>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var superseded = false;
            for (var j = i + 1; j < requests.Count && !superseded; j++)
            {
                superseded = string.Equals(request.TimerId, requests[j].TimerId, StringComparison.Ordinal);
            }

            if (!superseded)
            {
                last.Add(request);
            }
        }

        var sorted = last.ToArray();
        if (sorted.Length > 1)
        {
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.TimerId, b.TimerId));
        }

        return sorted;
    }

    private async Task<long> ReadVersionAsync(NpgsqlConnection connection, AggregateKey key, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(_sql.CurrentVersion, connection);
        command.Parameters.Add(Text(key.Kind));
        command.Parameters.Add(Text(key.Id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }
}
