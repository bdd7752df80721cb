using Microsoft.EntityFrameworkCore;

namespace Rose.Storage;

/// <summary>A module's DbContext that the migrator brings up to date on start.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType)
{
    public DbContext Resolve(IServiceProvider services) => (DbContext)services.GetService(ContextType)!;
}
