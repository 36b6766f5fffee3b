module A (public) where

public :: String
public = "public"

secret :: String
secret = "secret"
