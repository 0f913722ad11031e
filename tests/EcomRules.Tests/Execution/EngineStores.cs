using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Ports;
using EcomRules.Testing;
using EcomRules.Tests.Sqlite;

namespace EcomRules.Tests.Execution;

/// <summary>The stores the engine's promises are checked on: in-memory and SQLite (PostgreSQL has its own tests).</summary>
internal sealed class EngineStores : IDisposable
{
    private readonly SqliteTestDatabase? _database;
    private readonly IDisposable? _store;

    private EngineStores(IEcomStore store, SqliteTestDatabase? database)
    {
        Store = store;
        Engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        _database = database;
        _store = store as IDisposable;
    }

    public static TheoryData<string> Kinds => new() { "memory", "sqlite" };

    public IEcomStore Store { get; }

    /// <summary>An engine on <see cref="Store"/> with the retail platform policy.</summary>
    public EcomEngine Engine { get; }

    public static EngineStores Open(string kind)
    {
        if (kind == "memory")
        {
            return new EngineStores(new InMemoryEcomStore(), null);
        }

        var database = new SqliteTestDatabase();
        return new EngineStores(database.Open(EcomSerializer.Default), database);
    }

    /// <summary>Counts the store's idempotency records (SQLite: the commands table).</summary>
    public long CommandCount => Store is InMemoryEcomStore memory ? memory.CommandCount : _database!.Scalar("SELECT count(*) FROM commands;");

    public void Dispose()
    {
        _store?.Dispose();
        _database?.Dispose();
    }
}
