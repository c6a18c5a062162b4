public enum NameMatchingVersion { public static let value = "1" }
