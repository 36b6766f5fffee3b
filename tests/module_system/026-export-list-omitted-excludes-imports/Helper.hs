module Helper (helper) where

helper :: String
helper = "helper"
