using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Tenancy.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
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
