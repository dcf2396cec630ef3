using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Access = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    KvkNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AgbCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AreaContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    HoofdaanbiederId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaContracts_Providers_HoofdaanbiederId",
                        column: x => x.HoofdaanbiederId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Subcontracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OnderaannemerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaIds = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConsentReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Rates = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subcontracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Subcontracts_Providers_OnderaannemerId",
                        column: x => x.OnderaannemerId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subcontracts_Providers_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaContracts_AreaId_PeriodStart",
                table: "AreaContracts",
                columns: new[] { "AreaId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaContracts_HoofdaanbiederId",
                table: "AreaContracts",
                column: "HoofdaanbiederId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorSubject_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "ActorSubject", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt",
                table: "AuditEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_TenantId_Method_RequestId",
                table: "IdempotencyRecords",
                columns: new[] { "TenantId", "Method", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Providers_KvkNumber",
                table: "Providers",
                column: "KvkNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Providers_Name",
                table: "Providers",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Subcontracts_OnderaannemerId_State",
                table: "Subcontracts",
                columns: new[] { "OnderaannemerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Subcontracts_TenantId_State",
                table: "Subcontracts",
                columns: new[] { "TenantId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaContracts");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "Subcontracts");

            migrationBuilder.DropTable(
                name: "Providers");
        }
    }
}
