import ContributorApp

print("oasst-bench \(AppInfo.version): no scenarios yet")
