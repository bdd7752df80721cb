using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Tenancy.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenantOffboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OffboardedAt",
                table: "tenants",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OffboardedAt",
                table: "tenants");
        }
    }
}
